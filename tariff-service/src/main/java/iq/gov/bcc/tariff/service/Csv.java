package iq.gov.bcc.tariff.service;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 fields of one CSV line (no embedded line breaks). */
final class Csv {

    private Csv() {
    }

    static List<String> parseLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else if (c != '\uFEFF') {
                field.append(c);
            }
        }
        fields.add(field.toString().trim());
        return fields;
    }
}
