/**
 * Finesse REST and notification XML as Java records, and {@link org.genericconnector.finesse.xml.FinesseXml}
 * to read and write them.
 *
 * <p>Element names are those of the Finesse developer guide. Reading is lenient only where Finesse
 * versions are known to differ (element name case, order, unknown elements, empty elements); absent
 * text reads as "", absent lists as empty lists and absent nested objects as their {@code NONE} value,
 * never null. Ids, times and Finesse enumerations that grow between versions (call types, dialog and
 * participant states) stay text; user and system states are enums with an UNKNOWN fallback.
 *
 * <p>Lists are small wrapper records ({@code User.Roles}, {@code Dialog.Participants}, ...): Jackson XML
 * cannot bind a wrapped list through a record's constructor.
 *
 * <p>Every type here is immutable and safe to share between threads.
 */
package org.genericconnector.finesse.xml;
