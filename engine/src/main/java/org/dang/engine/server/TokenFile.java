package org.dang.engine.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.dang.engine.access.Role;

/**
 * The API's bearer tokens in a text file, one per line: {@code sha256-hex user role issued-at}. A
 * token is 256 random bits shown once when issued; only its SHA-256 is kept, which is enough for a
 * random token of that length (no password to guess). The server rereads the file when it changes, so
 * {@code dang token add} works while it runs.
 */
public final class TokenFile {

    /** What issued tokens start with, so a leaked one is easy to recognise in logs and scanners. */
    static final String PREFIX = "dang_";
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private volatile Loaded loaded = new Loaded(null, -1, Map.of());

    private record Loaded(FileTime modified, long size, Map<String, ApiToken> byHash) {
    }

    /** The tokens of {@code file}; the file need not exist yet (no token is valid then). */
    public TokenFile(Path file) {
        this.file = file;
    }

    /** The file. */
    public Path path() {
        return file;
    }

    /**
     * Issues a token for {@code user} with {@code role}, stores its hash, and returns the token (the
     * only time it is seen).
     *
     * @throws IllegalArgumentException when the user name is not 1 to 64 letters, digits or {@code ._@-}
     */
    public synchronized String add(String user, Role role) throws IOException {
        if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException("user name \"" + user
                    + "\" must be 1 to 64 letters, digits or . _ @ -");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        List<ApiToken> all = new ArrayList<>(read());
        all.add(new ApiToken(hash(token), user, role, Instant.now()));
        write(all);
        return token;
    }

    /** Removes every token of {@code user}; returns how many were removed. */
    public synchronized int remove(String user) throws IOException {
        List<ApiToken> all = read();
        List<ApiToken> kept = all.stream().filter(t -> !t.user().equals(user)).toList();
        if (kept.size() != all.size()) {
            write(kept);
        }
        return all.size() - kept.size();
    }

    /** Every token's record (hashes, users, roles), in file order. */
    public List<ApiToken> list() throws IOException {
        return read();
    }

    /**
     * The token record for a presented bearer token, rereading the file if it changed.
     *
     * @throws IllegalStateException when the file exists but cannot be read or is damaged (naming the line)
     */
    public Optional<ApiToken> find(String token) {
        Loaded current = current();
        return Optional.ofNullable(current.byHash().get(hash(token)));
    }

    private Loaded current() {
        Loaded l = loaded;
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return l.modified() == null ? l : (loaded = new Loaded(null, -1, Map.of()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the token file " + file + ": " + e.getMessage(), e);
        }
        if (modified.equals(l.modified()) && size == l.size()) {
            return l;
        }
        synchronized (this) {
            try {
                Map<String, ApiToken> byHash = read().stream()
                        .collect(Collectors.toUnmodifiableMap(ApiToken::hash, Function.identity(), (a, b) -> a));
                loaded = new Loaded(modified, size, byHash);
                return loaded;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the token file " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private List<ApiToken> read() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<ApiToken> tokens = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            String where = file + ":" + (i + 1) + ": ";
            if (f.length != 4 || !f[0].matches("[0-9a-f]{64}")) {
                throw new IOException(where + "expected \"<sha256-hex> <user> <role> <issued-at>\", found "
                        + f.length + " fields");
            }
            Role role;
            Instant created;
            try {
                role = Role.valueOf(f[2].toUpperCase(Locale.ROOT));
                created = Instant.parse(f[3]);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IOException(where + "role must be viewer, operator or engineer and the time ISO-8601: "
                        + e.getMessage());
            }
            tokens.add(new ApiToken(f[0], f[1], role, created));
        }
        return tokens;
    }

    private void write(List<ApiToken> tokens) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        StringBuilder b = new StringBuilder("# DAN_G API tokens: SHA-256 of each token, user, role, issued at."
                + " Written by dang token.\n");
        for (ApiToken t : tokens) {
            b.append(t.hash()).append(' ').append(t.user()).append(' ')
                    .append(t.role().name().toLowerCase(Locale.ROOT)).append(' ').append(t.created()).append('\n');
        }
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            ownerOnly(tmp);
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void ownerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user profile's ACLs apply.
        }
    }

    /** Lower-case hex SHA-256 of a token's UTF-8 text. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
