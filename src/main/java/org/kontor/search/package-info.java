/**
 * The one search engine (Hibernate Search; embedded Lucene by default, Elasticsearch/OpenSearch by
 * configuration): what is indexed, Zendesk's query syntax, and searches that always carry the access policy's filter.
 */
package org.kontor.search;
