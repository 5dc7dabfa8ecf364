/** The pages to create and change views: Admin → Views and an agent's own views, one control per condition. */
package org.kontor.view.web;
