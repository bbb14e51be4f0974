// The field table of cspr.yaml, the case folder's settings (split from field_tables.hpp, which
// includes it: see there for how a table is read).
#pragma once

#include "cspr/fields.hpp"
#include "cspr/field_checks.hpp"

namespace cspr::model {

// ---- cspr.yaml ----

template <class V, class S>
    requires Is<S, TimescaleOverride>
void fields(V& v, S& o) {
    v(o.length,
      opt("length", "The length of the timescale, in units (0 or more; at most about a century); given with unit.")
          .otherwise("the rule's own"));
    v(o.unit, opt("unit", "The unit of the length; given with length.").otherwise("the rule's own"));
    v(o.enabled, opt("enabled", "false switches off a rule the table marks as one a partnership may switch off; true "
                                "switches on one that is off by default.")
                     .otherwise("the table's"));
    v(o.reason, opt("reason", "Why the local timescale differs; required (by cspr) when overriding a national rule or "
                              "switching a rule off or on."));
    v(o.source, opt("source", "The local document or procedure that sets this timescale."));
    v.extras(o.extra);
}

template <class V, class S>
    requires Is<S, Config>
void fields(V& v, S& c) {
    v(c.partnership, req("partnership", "The partnership's name."));
    v(c.code, req("code", "The partnership's code, used in case IDs.").type("2–12 capital letters").def("code"),
      check_code);
    v(c.local_authority, req("local_authority", "The local authority with the duty to notify."));
    v(c.region, req("region", "The bank-holiday calendar."));
    v.group(opt("git", "Git settings for the case folder.").always(), &c.git_extra, [&](auto& g) {
        g(c.git_commit, opt("commit", "Every writing command commits the files it wrote.").otherwise("false"));
    });
    v.group(opt("permissions", "The modes of the files and folders cspr creates from then on."), &c.permissions_extra,
            [&](auto& g) {
                g.codec(c.permissions.files,
                        opt("files", "Octal, from \"0600\" to \"0660\", e.g. \"0640\" for a team's group to read.")
                            .otherwise("\"0600\""),
                        kFilesMode);
                g.codec(c.permissions.folders,
                        opt("folders", "Octal, from \"0700\" to \"0770\", e.g. \"0750\".").otherwise("\"0700\""),
                        kFoldersMode);
            });
    v(c.timescales, opt("timescales", "Local timescales: a map of rule id to an override of that rule's timescale.")
                        .def("ruleId")
                        .shape("expected a mapping with length and unit, e.g. {length: 5, unit: working-days}"));
    v.extras(c.extra);
}

}  // namespace cspr::model
