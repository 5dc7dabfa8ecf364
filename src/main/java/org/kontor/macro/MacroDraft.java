package org.kontor.macro;

/**
 * What a create or update gives; null parts are left as they are (on create: active by default, the rest required).
 * {@code restrictionGiven} tells "no restriction" (shared with all agents) from "restriction not sent".
 */
public record MacroDraft(String title, String description, Boolean active, MacroActions actions, boolean restrictionGiven,
                         Macro.Restriction restriction, Long restrictionId) {
}
