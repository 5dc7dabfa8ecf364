package org.kontor.organization;

import java.util.List;

/** Fields of an organization create or update; null means "leave as it is". */
public record OrganizationDraft(String name, List<String> domainNames, String details, String notes,
                                String externalId, Boolean sharedTickets, Boolean sharedComments) {
}
