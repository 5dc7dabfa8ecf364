/** Organizations: customers grouped by company, their email domains and whether members share tickets (V2). */
package org.kontor.organization;
