/** Zendesk's Macros API: CRUD, the available macros, and apply (the proposal, nothing saved). */
package org.kontor.macro.api;
