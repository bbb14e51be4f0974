// The JSON Schema of each file kind and of its --from form, made from the field tables, so that an
// editor, ajv and `cspr validate` read the same rules. schemas/ holds the committed copies.
#include <fmt/format.h>

#include <set>

#include "cspr/field_docs.hpp"
#include "json_text.hpp"
#include "length_limits.hpp"

namespace cspr::store {

namespace {

using model::Meta;
using model::Need;

using model::OptionalSpelled;

// The JSON Schema of one value, by the row's C++ type; the defs it refers to are collected on the way.
class SchemaVisitor {
public:
    SchemaVisitor(bool form, std::set<std::string>& defs) : form_(form), defs_(defs) {}

    template <class T>
    void operator()(const T& value, const Meta& meta, model::Check<T> = nullptr) {
        if (form_ && meta.record_only) return;
        add(meta, of(value, meta));
    }

    template <class X, class F>
    void group(const Meta& meta, X, F&& describe) {
        SchemaVisitor inner(form_, defs_);
        describe(inner);
        add(meta, inner.object());
    }

    template <class T>
    void codec(const T&, const Meta& meta, const model::Codec<T>& codec) {
        Json s = Json::object({{"type", "string"}});
        if (!codec.pattern.empty()) s.set("pattern", std::string(codec.pattern));
        add(meta, std::move(s));
    }

    void extras(const model::Extras&) {}

    // This mapping: its rows as properties, the required ones listed; unknown keys allowed.
    Json object() const {
        Json o = Json::object({{"type", "object"}});
        if (!required_.empty()) o.set("required", Json::strings(required_));
        o.set("additionalProperties", true);
        o.set("properties", properties_);
        return o;
    }

    // The length limits of cspr.yaml's overrides depend on the unit (length_limits.hpp).
    void add_unit_limits(Json& o) const {
        Json all = Json::array();
        for (std::string_view unit : model::Spelling<model::Unit>::names()) {
            const auto limit = length_limit(*model::from_name<model::Unit>(unit));
            all.push(Json::object(
                {{"if", Json::object(
                            {{"required", Json::strings({"unit"})},
                             {"properties", Json::object({{"unit", Json::object({{"type", "string"},
                                                                                 {"const", std::string(unit)}})}})}})},
                 {"then",
                  Json::object(
                      {{"properties",
                        Json::object({{"length", Json::object({{"type", "integer"}, {"maximum", limit.most}})}})}})}}));
        }
        o.set("allOf", std::move(all));
        o.set("dependentRequired",
              Json::object({{"length", Json::strings({"unit"})}, {"unit", Json::strings({"length"})}}));
        // ajv's strict mode wants each required key declared beside it: `true` declares it as is.
        o.set("anyOf", Json::array({Json::object({{"required", Json::strings({"length"})},
                                                  {"properties", Json::object({{"length", true}})}}),
                                    Json::object({{"required", Json::strings({"enabled"})},
                                                  {"properties", Json::object({{"enabled", true}})}})}));
    }

private:
    void add(const Meta& meta, Json schema) {
        Json described = Json::object({{"description", std::string(meta.about)}});
        described.merge(std::move(schema));
        // A form is filled in by hand from a template whose blanks are null: an optional blank is absent.
        if (form_ && meta.need == Need::optional) described = nullable(std::move(described));
        properties_.set(std::string(meta.key), std::move(described));
        if (meta.need == Need::required) required_.emplace_back(meta.key);
    }

    static Json nullable(Json s) {
        Json out = Json::object({{"description", s.take("description")}});
        out.set("anyOf", Json::array({std::move(s), Json::object({{"type", "null"}})}));
        return out;
    }

    Json ref(std::string_view def) {
        defs_.insert(std::string(def));
        return Json::object({{"$ref", "#/$defs/" + std::string(def)}});
    }

    template <class S>
    Json struct_schema(const S& value) {
        SchemaVisitor inner(form_, defs_);
        fields(inner, value);
        Json o = inner.object();
        if constexpr (std::is_same_v<S, model::TimescaleOverride>) inner.add_unit_limits(o);
        return o;
    }

    template <class T>
    Json of(const T& value, const Meta& meta) {
        if (!meta.defs.empty() && !std::is_same_v<T, std::vector<std::string>> && !model::Described<T> &&
            !std::is_same_v<T, std::map<std::string, model::TimescaleOverride>>)
            return ref(meta.defs);
        if constexpr (std::is_same_v<T, std::string>) {
            return Json::object({{"type", "string"}});
        } else if constexpr (std::is_same_v<T, calendar::Date> || std::is_same_v<T, std::optional<calendar::Date>>) {
            return ref("date");
        } else if constexpr (std::is_same_v<T, calendar::DateTime> ||
                             std::is_same_v<T, std::optional<calendar::DateTime>>) {
            return ref("dateTime");
        } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::optional<bool>>) {
            // yes and no as well as true and false: people write both (cspr writes true and false).
            return Json::object({{"anyOf", Json::array({Json::object({{"type", "boolean"}}),
                                                        Json::object({{"enum", Json::strings({"yes", "no"})}})})}});
        } else if constexpr (std::is_same_v<T, int> || std::is_same_v<T, std::optional<int>>) {
            return Json::object({{"type", "integer"}, {"minimum", 0}});
        } else if constexpr (model::Spelled<T>) {
            return spellings<T>();
        } else if constexpr (OptionalSpelled<T>) {
            return spellings<typename T::value_type>();
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            Json a = Json::object({{"type", "array"}});
            a.set("items", meta.defs.empty() ? Json::object({{"type", "string"}}) : ref(meta.defs));
            if (!meta.defs.empty()) a.set("uniqueItems", true);
            return a;
        } else if constexpr (std::is_same_v<T, model::Extras>) {
            return Json::object({{"type", "object"}, {"additionalProperties", true}});
        } else if constexpr (model::Described<T>) {
            return struct_schema(value);
        } else if constexpr (model::IsOptional<T>::value) {
            return struct_schema(typename T::value_type{});
        } else if constexpr (requires { value.front(); }) {
            Json a = Json::object({{"type", "array"}, {"items", struct_schema(typename T::value_type{})}});
            if (meta.max_items != 0) a.set("maxItems", static_cast<int>(meta.max_items));
            return a;
        } else {
            Json m = Json::object({{"type", "object"}});
            if (!meta.defs.empty()) m.set("propertyNames", ref(meta.defs));
            m.set("additionalProperties", struct_schema(typename T::mapped_type{}));
            return m;
        }
    }

    template <class E>
    static Json spellings() {
        std::vector<std::string> names;
        for (std::string_view n : model::Spelling<E>::names()) names.emplace_back(n);
        return Json::object({{"type", "string"}, {"enum", Json::strings(names)}});
    }

    bool form_;
    std::set<std::string>& defs_;
    Json properties_ = Json::object();
    std::vector<std::string> required_;
};

// The shared definitions, of which each schema carries the ones it uses.
Json definition(const std::string& name, const Choices& choices) {
    const auto choice = [&](std::string_view about) {
        const auto it = choices.find(name);
        Json d = Json::object({{"description", std::string(about)}, {"type", "string"}});
        if (it != choices.end()) d.set("enum", Json::strings(it->second));
        return d;
    };
    if (name == "caseId")
        return Json::object({{"description", "A case ID: the partnership's code, the year the referral was received "
                                             "and a number of 3 to 9 digits."},
                             {"type", "string"},
                             {"pattern", "^[A-Z]{2,12}-[0-9]{4}-[0-9]{3,9}$"}});
    if (name == "date")
        return Json::object({{"description", "A date, \"YYYY-MM-DD\" (quoted in YAML)."},
                             {"type", "string"},
                             {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                             {"format", "date"}});
    if (name == "dateTime")
        return Json::object({{"description", "A London local date-time, \"YYYY-MM-DDTHH:MM\" (quoted in YAML)."},
                             {"type", "string"},
                             {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$"}});
    if (name == "code")
        return Json::object(
            {{"description", "2 to 12 capital letters."}, {"type", "string"}, {"pattern", "^[A-Z]{2,12}$"}});
    if (name == "actionRef")
        return Json::object(
            {{"description", "R and a number: R1, R2, ..."}, {"type", "string"}, {"pattern", "^R[0-9]+$"}});
    if (name == "criterion") {
        std::vector<std::string> ids;
        for (const auto& c : model::referral_criteria()) ids.emplace_back(c.id);
        return Json::object({{"description", "A criterion of the referral form (Bradford referral form, appendix 2)."},
                             {"type", "string"},
                             {"enum", Json::strings(ids)}});
    }
    if (name == "ruleId") {
        Json d = choice("A rule id of `cspr rules`.");
        d.set("pattern", "^[a-z][a-z0-9-]*$");
        return d;
    }
    if (name == "recipient") return choice("Who must be told, by cspr's name for them (`cspr rules`).");
    return choice("A rule id of `cspr rules`.");
}

}  // namespace

std::string json_schema(const model::FileKind& kind, bool form, const Choices& choices) {
    std::set<std::string> defs;
    SchemaVisitor root(form, defs);
    if (!form)
        root(model::kSchemaVersion, model::req("schema_version", "The version of this file's layout; always 1."));
    model::with_kind(kind.name, [&](const auto& value) { fields(root, value); });
    Json schema = Json::object({{"$schema", "https://json-schema.org/draft/2020-12/schema"}});
    const std::string file = std::string(kind.name) + (form ? "-form" : "") + ".schema.json";
    schema.set("$id", "https://cspr.invalid/schemas/" + file);
    schema.set("title", form ? fmt::format("the form of cspr {} --from", kind.command) : std::string(kind.path));
    schema.set("description",
               fmt::format("{} Made from cspr's field tables (docs/case-files.md). Unknown keys are allowed and "
                           "survive a rewrite.",
                           kind.about));
    Json body = root.object();
    if (!form) body.find("properties")->find("schema_version")->set("const", 1);
    schema.merge(std::move(body));
    if (!defs.empty()) {
        Json all = Json::object();
        for (const auto& d : defs) all.set(d, definition(d, choices));
        schema.set("$defs", std::move(all));
    }
    return schema.text() + "\n";
}

}  // namespace cspr::store
