/**
 * Classification of Finesse failures where they enter the adapter: REST status and body,
 * asynchronous CTI errors, transport failures, each to one GC error code and one
 * {@link org.genericconnector.protocol.spi.AcdException.Kind}. Stateless and thread-safe.
 */
package org.genericconnector.finesse.error;
