/**
 * Background jobs with Zendesk's job statuses: a bulk API call is stored as a job, run item by item by db-scheduler
 * (surviving restarts), and polled by the client through {@code /api/v2/job_statuses}.
 */
package org.kontor.job;
