/**
 * Files on comments (Zendesk's uploads and attachments): uploaded or imported from email, stored in the
 * database, and read only as the access policy allows the comment they belong to (V1, R11).
 */
package org.kontor.attachment;
