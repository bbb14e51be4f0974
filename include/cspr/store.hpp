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

private:
    Mode mode_;
    std::vector<Error> problems_;
};

// ---- Files -------------------------------------------------------------------------------------

// Files larger than this are refused before they are read: a case file with a long narrative is a
// few kilobytes, GOV.UK's bank-holiday feed 20 KB. Every command reads the imported feed, so a huge
// one would slow them all.
inline constexpr std::size_t kMaxFileBytes = 4u << 20;

// Reads a whole file; throws cspr::Error naming it when it cannot, or when it is over `max_bytes`.
std::string read_file(const fs::path& path, std::size_t max_bytes = kMaxFileBytes);
// The same, but nullopt when there is no such file (one system call fewer than asking first).
std::optional<std::string> read_file_if_exists(const fs::path& path, std::size_t max_bytes = kMaxFileBytes);

// Replaces `path` with `content` so that a reader (or a crash) sees the old file or the new one,
// never a mix: write a temporary file beside it, fsync, rename over, fsync the folder.
void write_file_atomically(const fs::path& path, std::string_view content, fs::perms mode = fs::perms::owner_read |
                                                                                          fs::perms::owner_write);

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

// The top-level fields whose values differ between two texts of one record (as written by a
// format_* function), each with its earlier value as YAML flow text: what an amendment keeps.
// `ignored` fields (id, amendments...) are never reported.
std::vector<std::pair<std::string, std::string>> changed_fields(std::string_view before, std::string_view after,
                                                                const std::vector<std::string>& ignored);

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
std::optional<fs::path> find_case_folder(const std::optional<std::string>& flag, const char* env,
                                         const fs::path& cwd);

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

// Creates cspr.yaml, schemas/ and cases/ in `root` (which may exist, but must not hold cspr.yaml).
// Returns the files it wrote.
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
};
std::vector<LoadedCase> load_cases(const CaseFolder& folder, const std::vector<std::string>& ids, Diagnostics::Mode mode);

// What an interrupted write can leave behind: temporary files (`.<name>.tmp-XXXXXX`, never read)
// and case folders with no referral.yaml. `cspr validate` reports them; `cspr doctor` removes them.
std::vector<fs::path> leftover_temporary_files(const CaseFolder& folder);
std::vector<fs::path> cases_without_referral(const CaseFolder& folder);

// Allocates the next ID for `year` (never reusing one, even of a removed case) and records it in
// cases/ids.yaml. Returns the ID.
std::string allocate_case_id(const CaseFolder& folder, int year);

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

// How long a writer waits for another: $CSPR_LOCK_WAIT seconds, default 10.
std::chrono::milliseconds lock_wait();

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
