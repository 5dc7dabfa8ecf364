/** The admin pages for macros (a form per action, no JSON to type). */
package org.kontor.macro.web;
