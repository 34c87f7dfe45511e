package org.dang.engine.advisor;

import org.dang.engine.json.Json;

/** Untrusted text (tag names, alarm texts, operator words) as a JSON string literal: data, never prose. */
final class Quoted {

    private Quoted() {
    }

    static String of(String untrusted) {
        return Json.write(untrusted == null ? "" : untrusted);
    }
}
