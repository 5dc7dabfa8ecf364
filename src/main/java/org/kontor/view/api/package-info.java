/** Zendesk's Views API: CRUD, the available views, their tickets and counts. */
package org.kontor.view.api;
