package org.servicepoint.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An image tar in OCI layout (what {@code jib:buildTar} writes with format OCI), read the way a registry or a
 * container runtime reads it: index, manifest, config, and each layer's files, with nothing taken on trust.
 */
record ImageLayout(Map<String, byte[]> blobs, String manifestDigest, JsonNode manifest, JsonNode config) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file in a layer: its path without the leading slash, mode, size, time and which layer holds it. */
    record Entry(String path, int mode, long size, long modifiedMillis, long uid, long gid, boolean directory, int layer) {
    }

    static ImageLayout read(Path tar) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        JsonNode index = JSON.readTree(required(files, "index.json"));
        if (index.path("manifests").size() != 1) {
            throw new IOException("expected one manifest in " + tar + ", found " + index.path("manifests").size());
        }
        String manifestDigest = index.path("manifests").get(0).path("digest").asText();
        Map<String, byte[]> blobs = new LinkedHashMap<>();
        files.forEach((name, bytes) -> {
            if (name.startsWith("blobs/sha256/")) {
                blobs.put("sha256:" + name.substring("blobs/sha256/".length()), bytes);
            }
        });
        JsonNode manifest = JSON.readTree(required(blobs, manifestDigest));
        JsonNode config = JSON.readTree(required(blobs, manifest.path("config").path("digest").asText()));
        return new ImageLayout(blobs, manifestDigest, manifest, config);
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> layerDigests() {
        List<String> digests = new ArrayList<>();
        manifest.path("layers").forEach(layer -> digests.add(layer.path("digest").asText()));
        return digests;
    }

    /** Every entry of every layer, in layer order. */
    List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> layers = layerDigests();
        for (int i = 0; i < layers.size(); i++) {
            int layer = i;
            eachEntry(layers.get(i), (entry, content) -> entries.add(new Entry(entry.getName().replaceFirst("^/", ""), entry.getMode(),
                    entry.getSize(), entry.getModTime().getTime(), entry.getLongUserId(), entry.getLongGroupId(), entry.isDirectory(), layer)));
        }
        return entries;
    }

    /** Writes every layer's files under {@code root}, in order, with their modes: the file system a runtime would mount. */
    void unpack(Path root) throws IOException {
        for (String layer : layerDigests()) {
            eachEntry(layer, (entry, content) -> {
                Path target = root.resolve(entry.getName().replaceFirst("^/", "")).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("a layer entry leaves the root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream bytes = content) {
                        Files.copy(bytes, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString(permissions(entry.getMode())));
            });
        }
    }

    private interface EntryVisitor {
        void visit(TarArchiveEntry entry, InputStream content) throws IOException;
    }

    private void eachEntry(String layerDigest, EntryVisitor visitor) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(required(blobs, layerDigest))))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                visitor.visit(entry, new ByteArrayInputStream(in.readNBytes((int) entry.getSize())));
            }
        }
    }

    private static String permissions(int mode) {
        String letters = "rwxrwxrwx";
        StringBuilder text = new StringBuilder();
        for (int bit = 8; bit >= 0; bit--) {
            text.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
        }
        return text.toString();
    }

    private static byte[] required(Map<String, byte[]> files, String name) throws IOException {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new IOException("the image tar has no " + name);
        }
        return bytes;
    }
}
