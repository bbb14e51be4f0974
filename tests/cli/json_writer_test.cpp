// The JSON writer (src/cli/json_writer.cpp): the bytes it prints, and the mistakes it refuses.
#include "cli/json_writer.hpp"

#include <catch2/catch.hpp>

#include <sstream>

namespace cspr::cli {

// output.cpp (json_string, personal) is linked in; its one use of the command table, Context::format
// (app.cpp, which would pull in every command), is not called by anything tested here.
const std::string& Context::format() const { throw std::logic_error("not in this test"); }

}  // namespace cspr::cli

using cspr::cli::Json;

TEST_CASE("scalars print as JSON does, strings escaped by json_string") {
    CHECK(Json().dump() == "null\n");
    CHECK(Json(nullptr).dump() == "null\n");
    CHECK(Json(true).dump() == "true\n");
    CHECK(Json(false).dump() == "false\n");
    CHECK(Json(-5).dump() == "-5\n");
    CHECK(Json(std::size_t{42}).dump() == "42\n");
    CHECK(Json("a \"quoted\" \\ tab\t").dump() == "\"a \\\"quoted\\\" \\\\ tab\\u0009\"\n");
    CHECK(Json(std::string("Zoë ★")).dump() == "\"Zoë ★\"\n");
}

TEST_CASE("a string literal is a string, not a boolean") { CHECK(Json("yes").dump() == "\"yes\"\n"); }

TEST_CASE("objects keep the order keys were added, two spaces per level, one key per line") {
    Json inner = Json::array();
    inner.push(1).push("two").push(Json::object());
    Json doc = Json::object();
    doc.add("z", 1).add("a", std::move(inner)).add("m", Json::array()).add("n", nullptr);
    CHECK(doc.dump() == "{\n"
                        "  \"z\": 1,\n"
                        "  \"a\": [\n"
                        "    1,\n"
                        "    \"two\",\n"
                        "    {}\n"
                        "  ],\n"
                        "  \"m\": [],\n"
                        "  \"n\": null\n"
                        "}\n");
    CHECK(doc.size() == 4);
}

TEST_CASE("nested objects indent by depth") {
    Json doc = Json::object();
    doc.add("outer", Json::object().add("inner", Json::object().add("x", false)));
    CHECK(doc.dump() == "{\n  \"outer\": {\n    \"inner\": {\n      \"x\": false\n    }\n  }\n}\n");
}

TEST_CASE("the same value prints the same bytes") {
    const auto make = [] {
        Json d = Json::object();
        d.add("format", "cspr-x").add("version", 1);
        return d;
    };
    CHECK(make().dump() == make().dump());
}

TEST_CASE("a key added twice, or add and push on the wrong kind, are refused") {
    Json doc = Json::object();
    doc.add("a", 1);
    CHECK_THROWS_AS(doc.add("a", 2), std::logic_error);
    CHECK_THROWS_AS(doc.push(1), std::logic_error);
    Json list = Json::array();
    CHECK_THROWS_AS(list.add("a", 1), std::logic_error);
    Json scalar(3);
    CHECK_THROWS_AS(scalar.push(1), std::logic_error);
    CHECK(scalar.size() == 0);
}

TEST_CASE("helpers: text or null, dates, personal text hidden without --show-names") {
    CHECK(cspr::cli::json_text_or_null("").dump() == "null\n");
    CHECK(cspr::cli::json_text_or_null("x").dump() == "\"x\"\n");
    const auto day = cspr::calendar::require_iso_date("2025-03-06", "test");
    CHECK(cspr::cli::json_date(day).dump() == "\"2025-03-06\"\n");
    CHECK(cspr::cli::json_date_or_null(std::nullopt).dump() == "null\n");

    std::ostringstream out, err;
    const cspr::cli::Environment env;
    cspr::cli::Context ctx{out, err, env, {}};
    CHECK(cspr::cli::json_personal(ctx, "Robin Example").dump() == "{\n  \"hidden\": true\n}\n");
    CHECK(cspr::cli::json_personal(ctx, "").dump() == "null\n");
    ctx.show_names = true;
    CHECK(cspr::cli::json_personal(ctx, "Robin Example").dump() == "\"Robin Example\"\n");
    CHECK(cspr::cli::json_personal(ctx, "").dump() == "null\n");
}

TEST_CASE("report_document: every report starts with format, version and as_of, in that order") {
    const auto day = cspr::calendar::require_iso_date("2025-03-06", "test");
    auto doc = cspr::cli::report_document("cspr-late", 2, day);
    doc.add("case", "NDSCP-2025-001");
    CHECK(doc.dump() == "{\n  \"format\": \"cspr-late\",\n  \"version\": 2,\n  \"as_of\": \"2025-03-06\",\n  \"case\": "
                        "\"NDSCP-2025-001\"\n}\n");
}
