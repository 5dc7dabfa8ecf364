/** The voice channel (C1): answered calls and voicemails become tickets with voice comments (Zendesk Talk Partner Edition). */
package org.kontor.voice;
