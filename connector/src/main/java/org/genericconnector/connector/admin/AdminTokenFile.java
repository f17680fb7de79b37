package org.genericconnector.connector.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The file that tells gcctl where the admin endpoint is and how to authenticate: {@code url=},
 * {@code token=} and {@code pid=} lines, readable by the owner only (0600). A new random token is made at
 * each start; the file is removed at stop. Immutable value plus static file helpers.
 */
public record AdminTokenFile(String url, String token, long pid) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** 32 random bytes, URL-safe base64. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes the file atomically with owner-only permissions set before any secret is written. */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, "# Generic Connector admin endpoint; regenerated at each start\nurl=" + url + "\ntoken=" + token
                + "\npid=" + pid + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a file written by {@link #write}; IOException when it is missing or incomplete. */
    public static AdminTokenFile read(Path file) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String url = p.getProperty("url");
        String token = p.getProperty("token");
        if (url == null || token == null) {
            throw new IOException(file + " is not an admin token file (no url= or token= line)");
        }
        return new AdminTokenFile(url, token, Long.parseLong(p.getProperty("pid", "-1").strip()));
    }

    @Override
    public String toString() {
        return "AdminTokenFile[url=" + url + ", token=****, pid=" + pid + "]";
    }
}
