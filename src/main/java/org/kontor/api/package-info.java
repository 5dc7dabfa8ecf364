/** What every Zendesk-compatible endpoint shares: error shape, pagination, `.json` paths, body limits. */
package org.kontor.api;
