/** Who is calling: API authentication (password or API token over HTTP Basic), web sign-in, and role rules per endpoint. */
package org.kontor.security;
