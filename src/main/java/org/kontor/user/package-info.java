/** People: end users, agents and admins, how they are found (R2) and created (R3). */
package org.kontor.user;
