package org.genericconnector.asterisk.ami;

import java.io.IOException;

/**
 * The bytes from the peer are not AMI: a missing banner, a message over the size limit, or a stream
 * that ends in the middle of a message. The only exception {@link AmiFrameReader} throws apart from
 * plain I/O errors of the underlying stream; after it the stream is out of step and the connection
 * must be dropped.
 */
public class AmiProtocolException extends IOException {

    public AmiProtocolException(String message) {
        super(message);
    }
}
