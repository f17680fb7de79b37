package org.genericconnector.protocol;

/** Whether the connector can reach the ACD; sent to clients as {@code System#IN_SERVICE|OUT_OF_SERVICE}. */
public enum LinkStatus {
    IN_SERVICE,
    OUT_OF_SERVICE
}
