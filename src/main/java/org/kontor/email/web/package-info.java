/** The admin page of the inbound email channel: support addresses, polling status and failed messages. */
package org.kontor.email.web;
