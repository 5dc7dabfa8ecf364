/** REST endpoints of the inbound email channel: the MIME endpoint, support addresses and received messages. */
package org.kontor.email.api;
