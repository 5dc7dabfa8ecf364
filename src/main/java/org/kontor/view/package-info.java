/**
 * Custom views: saved ticket filters (Zendesk's {@code /api/v2/views}) shown in the side bar beside the built-in
 * queues. A view only filters; every ticket it lists is read through the access policy like any other list.
 */
package org.kontor.view;
