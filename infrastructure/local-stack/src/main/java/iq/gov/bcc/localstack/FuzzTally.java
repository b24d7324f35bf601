package iq.gov.bcc.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a service answered to a run of fuzzed bodies: how many of each status, how many were
 * created, and every answer that is a server error or a refusal that is not a clean problem.
 */
public final class FuzzTally {

    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int created;

    public void record(String body, int status, String contentType, String answer) {
        statuses.merge(status, 1, Integer::sum);
        created += status == 201 ? 1 : 0;
        String defect = problemDefect(status, contentType, answer);
        if (status >= 500 || defect != null) {
            failures.add(status + " " + defect + " for " + abbreviated(body) + " -> " + abbreviated(answer));
        }
    }

    public Map<Integer, Integer> statuses() {
        return statuses;
    }

    public List<String> failures() {
        return failures;
    }

    public int created() {
        return created;
    }

    /** What is wrong with a 4xx answer, or null: it must be problem+json carrying its own status, with no Java in it. */
    static String problemDefect(int status, String contentType, String answer) {
        if (status < 400) {
            return null;
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "content type " + contentType;
        }
        JsonNode problem = JsonFuzz.parse(answer);
        if (problem == null || problem.path("status").asInt() != status) {
            return "status field differs";
        }
        if (answer.contains("com.fasterxml") || answer.contains("java.") || answer.contains("Exception") || answer.contains("iq.gov.")) {
            return "Java details in the answer";
        }
        return null;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
