// Everything that touches the disk: reading data files, the case folder, atomic writes.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <vector>
#include <string>
#include <string_view>

#include "cspr/calendar.hpp"
#include "cspr/error.hpp"
#include "cspr/model.hpp"

namespace cspr::store {

namespace fs = std::filesystem;

// ---- Problems ----------------------------------------------------------------------------------

// Where readers send problems. Strict (every command but validate): the first problem throws.
// Collecting (validate): every problem is kept and reading goes on.
class Diagnostics {
public:
    enum class Mode { strict, collect };
    explicit Diagnostics(Mode mode = Mode::strict) : mode_(mode) {}

    void report(const Error& problem);
    const std::vector<Error>& problems() const { return problems_; }

    // A key no reader asked for (kept, as model::Extras), with the keys cspr knows in its mapping.
    // Never a problem here: the CLI, which has the spelling rules, reports a near miss as a typo.
    struct UnknownKey {
        Location where;
        std::vector<std::string> known;
    };
    void unknown_key(UnknownKey key) { unknown_keys_.push_back(std::move(key)); }
    const std::vector<UnknownKey>& unknown_keys() const { return unknown_keys_; }

private:
    Mode mode_;
    std::vector<Error> problems_;
    std::vector<UnknownKey> unknown_keys_;
};

// ---- Files -------------------------------------------------------------------------------------

// Files larger than this are refused before they are read: a case file with a long narrative is a
// few kilobytes, GOV.UK's bank-holiday feed 20 KB. Every command reads the imported feed, so a huge
// one would slow them all.
inline constexpr std::size_t kMaxFileBytes = 4u << 20;

// A size as the limit's messages say it, in MB to the nearest tenth, except that a size just over a
// whole number never reads as that number (a file over the limit is never "4 MB"): "4.6 MB", "4 MB",
// "4.1 MB" for 4 MB and a byte (src/store/readback.cpp).
std::string megabytes(std::size_t bytes);

// Reads a whole file; throws cspr::Error naming it when it cannot, or when it is over `max_bytes`.
std::string read_file(const fs::path& path, std::size_t max_bytes = kMaxFileBytes);
// The same, but nullopt when there is no such file (one system call fewer than asking first).
std::optional<std::string> read_file_if_exists(const fs::path& path, std::size_t max_bytes = kMaxFileBytes);

// What cspr says of a symbolic link under cases/: a link committed to git reaches every clone, and
// following it would read or write outside the case folder.
inline constexpr std::string_view kLinkRefused = "is a symbolic link; cspr never follows links in the case folder";
// As read_file_if_exists, for a file under cases/: a symbolic link is refused (kLinkRefused), not read.
std::optional<std::string> read_case_file_if_exists(const fs::path& path, std::size_t max_bytes = kMaxFileBytes);

// Replaces `path` with `content` so that a reader (or a crash) sees the old file or the new one,
// never a mix: write a temporary file beside it, fsync, rename over, fsync the folder.
void write_file_atomically(const fs::path& path, std::string_view content,
                           fs::perms mode = fs::perms::owner_read | fs::perms::owner_write);

// ---- Bank-holiday feed (GOV.UK's bank-holidays.json) ----------------------------------------

// Parses the GOV.UK feed: top-level keys `england-and-wales`, `scotland`, `northern-ireland`, each
// `{division, events: [{title, date, notes, bunting}]}`. Throws cspr::Error with file, line and
// field for anything else (unknown division, bad date, events out of order, duplicate dates...).
calendar::HolidayTable parse_holiday_feed(std::string_view text, const std::string& file_name);

// Writes a table back in the feed's shape, deterministically (divisions in GOV.UK order).
std::string format_holiday_feed(const calendar::HolidayTable& table);

// ---- Case files ----------------------------------------------------------------------------------
// Each file kind has a parser (text → value, problems to `diagnostics`) and a formatter (value → the
// canonical bytes). format(parse(x)) == x for every file cspr wrote. docs/case-files.md is the spec.

model::Config parse_config(std::string_view text, const std::string& file, Diagnostics& diagnostics);
std::string format_config(const model::Config& config);

model::Referral parse_referral(std::string_view text, const std::string& file, Diagnostics& diagnostics);
std::string format_referral(const model::Referral& referral);
// A referral form given to `cspr refer --from`: the same shape, without `id` and `schema_version`.
model::Referral parse_referral_form(std::string_view text, const std::string& file);
model::Referral parse_referral_form(std::string_view text, const std::string& file, Diagnostics& diagnostics);

// What a form given to --from still holds of its template (`template_text`, the --template output):
// a placeholder (text with a space, or YYYY) or a whole list left as the template gave it (all 14
// criteria under "delete the others"). One problem per leftover, with the form's file and line.
std::vector<Error> template_leftovers(std::string_view form_text, const std::string& form_file,
                                      std::string_view template_text);

model::Notification parse_notification(std::string_view text, const std::string& file, Diagnostics& diagnostics);
std::string format_notification(const model::Notification& notification);

// The later steps. A `form` (given to --from) is the same shape without `id` and `schema_version`.
model::RapidReview parse_rapid_review(std::string_view text, const std::string& file, Diagnostics& diagnostics,
                                      bool form = false);
std::string format_rapid_review(const model::RapidReview& review);
model::Decision parse_decision(std::string_view text, const std::string& file, Diagnostics& diagnostics,
                               bool form = false);
std::string format_decision(const model::Decision& decision);
model::Publication parse_publication(std::string_view text, const std::string& file, Diagnostics& diagnostics,
                                     bool form = false);
std::string format_publication(const model::Publication& publication);
model::Actions parse_actions(std::string_view text, const std::string& file, Diagnostics& diagnostics,
                             bool form = false);
std::string format_actions(const model::Actions& actions);
model::PanelResponse parse_panel_response(std::string_view text, const std::string& file, Diagnostics& diagnostics,
                                          bool form = false);
std::string format_panel_response(const model::PanelResponse& response);
model::Lateness parse_lateness(std::string_view text, const std::string& file, Diagnostics& diagnostics,
                               bool form = false);
std::string format_lateness(const model::Lateness& lateness);

// The top-level fields whose values differ between two texts of one record (as written by a
// format_* function), each with its earlier value as YAML flow text: what an amendment keeps.
// `ignored` fields (id, amendments...) are never reported.
std::vector<std::pair<std::string, std::string>> changed_fields(std::string_view before, std::string_view after,
                                                                const std::vector<std::string>& ignored);
// The values recorded in `before` that `after` changes or removes (two texts of one record, as
// written by a format_* function), as paths: "sent_to_panel", "copies.panel", "returns[1].returned".
// Filling in what was absent or empty, or adding to the end of a list, is not a change; nor is
// changing a top-level value that `blank` (the text of a new, empty record) also holds, such as
// `national_importance: false`. `ignored` top-level fields are not compared.
std::vector<std::string> changed_recorded_values(std::string_view before, std::string_view after,
                                                 std::string_view blank, const std::vector<std::string>& ignored);

// cases/ids.yaml: the last number allocated per year.
std::map<int, int> parse_ids(std::string_view text, const std::string& file, Diagnostics& diagnostics);
std::string format_ids(const std::map<int, int>& last);

// The 1-based line of a dotted field (`child.date_of_death`, `recipients[2].sent`) in a YAML text;
// the nearest enclosing field's line when the field is missing; 0 when the text does not parse.
int line_of_field(std::string_view text, std::string_view field);

// ---- Where things live -------------------------------------------------------------------------

inline constexpr std::string_view kCaseFolderMarker = "cspr.yaml";
inline constexpr std::string_view kHolidayFileName = "bank-holidays.json";

// The case folder: `flag` (--cases) if given, else `env` ($CSPR_CASES) if set, else the nearest
// parent of `cwd` holding cspr.yaml. nullopt when none applies. A given folder must exist.
std::optional<fs::path> find_case_folder(const std::optional<std::string>& flag, const char* env, const fs::path& cwd);

// A case folder opened for work: its root and its settings.
struct CaseFolder {
    fs::path root;
    model::Config config;
};

inline constexpr std::string_view kReferralFile = "referral.yaml";
inline constexpr std::string_view kNotificationFile = "notification.yaml";
inline constexpr std::string_view kRapidReviewFile = "rapid-review.yaml";
inline constexpr std::string_view kDecisionFile = "decision.yaml";
inline constexpr std::string_view kPublicationFile = "publication.yaml";
inline constexpr std::string_view kActionsFile = "actions.yaml";
inline constexpr std::string_view kPanelResponseFile = "panel-response.yaml";
inline constexpr std::string_view kLatenessFile = "lateness.yaml";

// Creates cspr.yaml, schemas/, cases/ and (unless there is one) .gitignore in `root` (which may
// exist, but must not hold cspr.yaml). Returns the files it wrote.
std::vector<fs::path> init_case_folder(const fs::path& root, const model::Config& config);
// Reads cspr.yaml; any problem throws.
CaseFolder open_case_folder(const fs::path& root);

// Checks that `id` is a case ID (CODE-YYYY-NNN) — which also keeps it inside the folder — and
// returns cases/<id>. Does not check that the case exists.
fs::path case_path(const CaseFolder& folder, std::string_view id);
// As case_path, and the case must exist.
fs::path existing_case_path(const CaseFolder& folder, std::string_view id);
std::vector<std::string> list_case_ids(const CaseFolder& folder);
// Loads every step file the case has.
model::Case load_case(const CaseFolder& folder, std::string_view id, Diagnostics& diagnostics);

// Many cases at once, read on every core, returned in the order of `ids`. Strict: the first problem
// (in that order) throws. Collect: each case keeps its own problems.
struct LoadedCase {
    model::Case value;
    std::vector<Error> problems;
    std::vector<Diagnostics::UnknownKey> unknown_keys;
};
std::vector<LoadedCase> load_cases(const CaseFolder& folder, const std::vector<std::string>& ids,
                                   Diagnostics::Mode mode);

// What an interrupted write can leave behind: temporary files (`.<name>.tmp-XXXXXX`, never read)
// and case folders with no referral.yaml. `cspr validate` reports them; `cspr doctor` removes them.
// Another writer's work is not a leftover: what lies in a folder whose lock another process holds (a
// case's folder; cases/ while a referral makes a new case folder) is left out. `cases_locked` says
// that the caller itself holds the lock on cases/ (no referral is being written).
std::vector<fs::path> leftover_temporary_files(const CaseFolder& folder, bool cases_locked = false);
std::vector<fs::path> cases_without_referral(const CaseFolder& folder, bool cases_locked = false);
// A case's folder that cannot be listed (its mode, or its owner): "cannot read: <why>" naming it.
std::optional<Error> unreadable_case_folder(const CaseFolder& folder, std::string_view id);

// Under cases/, what is wrong with a path itself rather than its content: a symbolic link (never
// followed), or a file or folder more open than cspr.yaml's permissions (a git clone leaves 0644
// and 0755). `cspr validate` reports them; `cspr doctor --fix` tightens the modes.
struct PathProblem {
    enum class Kind { link, too_open } kind;
    fs::path path;
    fs::perms mode{};     // too_open: the mode now,
    fs::perms allowed{};  // and the most cspr.yaml allows
};
std::vector<PathProblem> path_problems(const CaseFolder& folder);
// Takes from a too_open path the bits cspr.yaml does not allow; throws naming it when it cannot.
void tighten(const PathProblem& problem);

// A case ID is CODE-YYYY-NNN with 3 to kCaseNumberDigits digits: the ID pattern, cases/ids.yaml's
// reader and the allocation all use these, so that no number is written that cspr cannot read back.
inline constexpr int kCaseNumberDigits = 9;
inline constexpr int kMaxCaseNumber = 999'999'999;  // kCaseNumberDigits nines: fits an int
// The next ID for `year` (never reusing one, even of a removed case), without recording it; throws,
// before anything is written, when the year has used every number up to kMaxCaseNumber.
std::string next_case_id(const CaseFolder& folder, int year);
// Records `id` (from next_case_id) as its year's last number in cases/ids.yaml. refer calls it only
// once the referral is written, so that a failed referral leaves ids.yaml as it was.
void record_case_id(const CaseFolder& folder, std::string_view id);
// next_case_id, then record_case_id. Returns the ID.
std::string allocate_case_id(const CaseFolder& folder, int year);
// cases/ids.yaml as validate checks it: what does not read, and a year whose last number is lower
// than a case folder's of that year (src/store/case_ids.cpp). Each problem names the file and line.
std::vector<Error> case_id_problems(const CaseFolder& folder);

// Throws, naming `path`, unless cspr's own reader would accept `content` as that file: what cspr
// writes it must read back (aliases written out in full can take a file past the reader's limits).
void require_readable(const fs::path& path, std::string_view content);

// Writes a step file of a case atomically, with the folder's permissions (cspr.yaml). Refuses (throws)
// to replace a file that holds comments, naming the line, so that an analyst's note is never lost
// silently.
void write_case_file(const CaseFolder& folder, const fs::path& path, std::string_view content);

// ---- Locks ---------------------------------------------------------------------------------------

// An exclusive advisory lock (flock) on a folder — a case's folder while its files are read and
// rewritten, cases/ while an ID is allocated — held for as long as the value lives. The lock is on
// the folder itself, so no lock file is ever left behind. Two writers of one case never lose an
// update: the second waits (up to `wait`), then fails naming the process that holds the lock.
class FolderLock {
public:
    FolderLock(const fs::path& folder, const std::string& what, std::chrono::milliseconds wait);
    ~FolderLock();
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    int fd_ = -1;
};

// True when another process holds the lock on `folder` now (a write in progress there). Asks without
// waiting, so that a writer coming at that moment waits one retry (20 ms) at most.
bool folder_lock_held(const fs::path& folder);

// How long a writer waits for another: $CSPR_LOCK_WAIT seconds (plain decimal, 0 to 3600), default 10.
// Anything else throws cspr::Error naming CSPR_LOCK_WAIT.
std::chrono::milliseconds lock_wait();
// A wait as messages say it: "10 s", "0.5 s".
std::string wait_text(std::chrono::milliseconds wait);

// Stages exactly `files` and commits them with `message` (git's command line). False when they held
// no change (nothing committed). Throws on failure.
bool git_commit(const fs::path& root, const std::vector<fs::path>& files, const std::string& message);
// True when `dir` is inside a git work tree.
bool inside_git_repository(const fs::path& dir);
// True when git can name the committer here (`git var GIT_COMMITTER_IDENT` succeeds): without an
// identity every commit fails.
bool git_identity_known(const fs::path& dir);
// The repository's lock, held around a write and its commit: a flock on git's own folder (no file
// left behind), so that cspr's writers of different cases never race for git's index; once held,
// waits for git's index.lock (another git command) to go. Both waits share `wait`; then an error,
// before anything is written.
std::unique_ptr<FolderLock> lock_git_repository(const fs::path& root, std::chrono::milliseconds wait);
// Unstages `files` (git reset), after a failed commit; quiet, and failing quietly.
void git_unstage(const fs::path& root, const std::vector<fs::path>& files);

// Files as they were before a write, to be put back when the commit that should follow fails (so
// that a failed command changes nothing): the content and mode, or that there was no such file
// (then it is deleted, with its folder if that folder was new and is left empty).
struct FileBefore {
    fs::path path;
    std::optional<std::string> content;
    fs::perms mode = fs::perms::owner_read | fs::perms::owner_write;
    bool folder_existed = true;
};
std::vector<FileBefore> remember_files(const std::vector<fs::path>& paths);
// Puts every file back as remembered (atomically). Never throws: a failure is best effort.
void restore_files(const std::vector<FileBefore>& before);
void git_init(const fs::path& dir);

// cspr init --group (src/store/team_group.cpp): the group's id, once it is known to exist and to
// hold the user; then the folder, its cases/ and schemas/ (set-group-ID, so that later files
// follow) and `files` given to it.
unsigned require_team_group(const std::string& name);
void give_to_group(const fs::path& root, const std::vector<fs::path>& files, unsigned gid);
// What init writes into .gitignore: what is not yet a record stays out of the repository.
extern const std::string_view kGitignore;

// The schema texts that init writes into schemas/, by file name (embedded at build time).
const std::vector<std::pair<std::string, std::string>>& embedded_schemas();

// $XDG_DATA_HOME/cspr, else $HOME/.local/share/cspr.
std::optional<fs::path> user_data_folder();

// Where an imported feed is looked for, most specific last: the user's data folder, then the case
// folder. Each later one overlays the earlier (see calendar::overlay).
struct CalendarSources {
    std::optional<fs::path> case_folder;
    std::optional<fs::path> user_folder;
};

// The holiday table in force: embedded data, overlaid by any imported feed found in `sources`.
calendar::HolidayTable load_holidays(const CalendarSources& sources);

}  // namespace cspr::store
