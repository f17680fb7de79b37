/**
 * Finesse XMPP pub-sub notifications: {@link org.genericconnector.finesse.notification.NotificationParser}
 * turns the {@code <Update>} envelope of an item into a typed
 * {@link org.genericconnector.finesse.notification.FinesseUpdate}. Stateless and thread-safe; the XMPP
 * connection that delivers the payloads is not part of this package.
 */
package org.genericconnector.finesse.notification;
