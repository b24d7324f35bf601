package iq.gov.bcc.tariff.service;

import io.quarkus.panache.common.Sort;
import iq.gov.bcc.tariff.domain.Commodity;
import iq.gov.bcc.tariff.domain.TariffException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The HS nomenclature with national subdivisions: lookup, search, and national codes. */
@ApplicationScoped
@Transactional
public class NomenclatureService {

    public Commodity find(String code) {
        Commodity commodity = Commodity.findById(code);
        if (commodity == null) {
            throw TariffException.notFound("no commodity code " + code);
        }
        return commodity;
    }

    public List<Commodity> children(String code) {
        return Commodity.list("parent", Sort.by("code"), code);
    }

    public boolean exists(String code) {
        return Commodity.count("code", code) > 0;
    }

    /** Digits search by code prefix; words search descriptions (every word must appear, any case). */
    public List<Commodity> search(String query, int limit) {
        String q = query == null ? "" : query.trim();
        if (q.isEmpty()) {
            return Commodity.find("level = 2", Sort.by("code")).page(0, limit).list();
        }
        if (q.matches("[0-9]+")) {
            return Commodity.find("code like ?1", Sort.by("code"), q + "%").page(0, limit).list();
        }
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        int i = 0;
        for (String word : q.toLowerCase(Locale.ROOT).split("\\s+")) {
            String name = "w" + i++;
            clauses.add("lower(description) like :" + name);
            params.put(name, "%" + word.replace("%", "").replace("_", "") + "%");
        }
        return Commodity.find(String.join(" and ", clauses), Sort.by("code"), params).page(0, limit).list();
    }

    /** Adds a national 8 or 10 digit line under an existing HS subheading (or 8 digit national line). */
    public Commodity addNational(String code, String description) {
        if (!code.matches("[0-9]{8}|[0-9]{10}")) {
            throw TariffException.invalid("code", "a national code has 8 or 10 digits");
        }
        if (Commodity.findById(code) != null) {
            throw TariffException.conflict("commodity code " + code + " already exists");
        }
        String parent = code.length() == 10 && exists(code.substring(0, 8)) ? code.substring(0, 8) : code.substring(0, 6);
        Commodity parentCommodity = Commodity.findById(parent);
        if (parentCommodity == null) {
            throw TariffException.invalid("code", "no HS subheading " + code.substring(0, 6) + " to subdivide");
        }
        Commodity commodity = new Commodity();
        commodity.code = code;
        commodity.level = (short) code.length();
        commodity.parent = parent;
        commodity.section = parentCommodity.section;
        commodity.description = description;
        commodity.national = true;
        commodity.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        commodity.persist();
        return commodity;
    }
}
