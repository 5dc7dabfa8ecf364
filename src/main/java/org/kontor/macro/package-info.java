/**
 * Macros: prepared replies and field changes (Zendesk's {@code /api/v2/macros}). Applying one only proposes: the agent
 * reviews the reply and fields and submits them through the ordinary ticket update, so every rule still applies.
 */
package org.kontor.macro;
