// Every kind of file cspr reads and writes with a field table: its name, where it lives, what it
// holds and which command writes it. The schemas, docs and forms are made for each kind in turn.
#pragma once

#include <array>
#include <string_view>

#include "cspr/field_tables.hpp"

namespace cspr::model {

struct FileKind {
    std::string_view name;     // "referral": schemas/referral.schema.json, the --template of ...
    std::string_view path;     // "cases/<ID>/referral.yaml"
    std::string_view about;    // one sentence, with its source
    std::string_view command;  // the command that writes it, "" for none
    bool form = false;         // the command takes the whole record from a --from form (which has a schema too)
};

inline constexpr std::array kFileKinds = {
    FileKind{"cspr", "cspr.yaml", "The partnership's settings, at the top of a case folder.", "init"},
    FileKind{"referral", "cases/<ID>/referral.yaml",
             "A referral of a serious child safeguarding incident (Bradford referral form, appendix 2).", "refer",
             true},
    FileKind{"notification", "cases/<ID>/notification.yaml",
             "The local authority's notification decision and who was told when (Children Act 2004 s16C(1); Working "
             "Together 2018 ch. 4). Due dates are never stored.",
             "notify"},
    FileKind{"rapid-review", "cases/<ID>/rapid-review.yaml",
             "The safeguarding partners' rapid review, recorded as it happens (Working Together 2018 ch. 4; the "
             "Panel's "
             "guidance for safeguarding partners).",
             "rapid-review", true},
    FileKind{"decision", "cases/<ID>/decision.yaml",
             "The safeguarding partners' decision whether to commission a local review (Working Together 2018 ch. 4; "
             "reg. 11). Once written, a change takes --amend --reason.",
             "decide", true},
    FileKind{"publication", "cases/<ID>/publication.yaml",
             "The publication of a local review's report (Working Together 2018 ch. 4).", "publish-check"},
    FileKind{"actions", "cases/<ID>/actions.yaml", "The review's recommendations and the actions tracked against them.",
             "actions"},
    FileKind{"panel-response", "cases/<ID>/panel-response.yaml",
             "The Panel's response to the rapid review, and each request for more information with the partners' "
             "answer (Bradford DSCP procedure s8; Durham SCP procedures s7).",
             "panel-response"},
    FileKind{"lateness", "cases/<ID>/lateness.yaml",
             "Why each late step was late, one reason per step (`validate` reports a step met late without one).",
             "late"},
};

const FileKind* find_file_kind(std::string_view name);

// Calls f with a default model value of the kind: f(Referral) for "referral".
template <class F>
void with_kind(std::string_view name, F&& f) {
    const auto call = [&]<class T>(T* /*type*/) {
        const T value;
        f(value);
    };
    if (name == "cspr") call(static_cast<Config*>(nullptr));
    else if (name == "referral") call(static_cast<Referral*>(nullptr));
    else if (name == "notification") call(static_cast<Notification*>(nullptr));
    else if (name == "rapid-review") call(static_cast<RapidReview*>(nullptr));
    else if (name == "decision") call(static_cast<Decision*>(nullptr));
    else if (name == "publication") call(static_cast<Publication*>(nullptr));
    else if (name == "actions") call(static_cast<Actions*>(nullptr));
    else if (name == "panel-response") call(static_cast<PanelResponse*>(nullptr));
    else call(static_cast<Lateness*>(nullptr));
}

}  // namespace cspr::model
