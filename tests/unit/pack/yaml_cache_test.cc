// The cache of parsed YAML trees: a hit is exactly the tree of a fresh parse (and so exactly the
// same diagnostics downstream), a damaged entry is a miss that gets rewritten, entries and folders
// are private, and an unusable folder changes nothing.
#include "engine/pack/yaml_cache.h"

#include <doctest/doctest.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "engine/pack/pack_loader.h"
#include "tests/unit/hostile/hostile_support.h"
#include "tests/unit/pack/pack_test_support.h"

namespace uofa {
namespace {

// Every field of every node, depth first, with shared nodes (aliases) named once and then
// referred to by number, so that two descriptions are equal exactly when the trees are.
class TreeDescriber {
 public:
  std::string Describe(const YamlNodePtr& root) {
    if (!root) return "(no tree)\n";
    Node(*root, 0);
    return out_;
  }

 private:
  void Node(const YamlNode& node, int depth) {
    out_ += std::string(static_cast<std::size_t>(depth) * 2, ' ');
    auto [it, first] = seen_.emplace(&node, seen_.size());
    if (!first) {
      out_ += "(shared #" + std::to_string(it->second) + ")\n";
      return;
    }
    out_ += "#" + std::to_string(it->second) + " " + YamlKindName(node.kind) + " style " +
            std::to_string(static_cast<int>(node.style)) + " at " + std::to_string(node.offset) +
            " " + std::to_string(node.line) + ":" + std::to_string(node.column) + " [" +
            node.value + "]\n";
    for (const YamlNodePtr& item : node.items) Node(*item, depth + 1);
    for (const YamlEntry& entry : node.entries) {
      Node(*entry.key, depth + 1);
      Node(*entry.value, depth + 2);
    }
  }

  std::map<const YamlNode*, std::size_t> seen_;
  std::string out_;
};

std::string Describe(const YamlNodePtr& root) { return TreeDescriber().Describe(root); }

// Every kind of node and scalar style, block scalars over several lines, a duplicate key, an
// empty value, a written null, flow collections, and an alias sharing a node.
const char* const kEveryKind =
    "id: EVERY-KIND\n"
    "title: 'single ''quoted'''\n"
    "summary: \"double \\\"quoted\\\" \\u00e9\"\n"
    "literal: |\n"
    "  line one\n"
    "    indented line\n"
    "  line three\n"
    "folded: >-\n"
    "  folded one\n"
    "  folded two\n"
    "\n"
    "  after a blank\n"
    "title: the same key twice\n"
    "empty:\n"
    "written_null: ~\n"
    "flow: [1, two, {three: 3}]\n"
    "base: &shared {kind: anchor, n: 1}\n"
    "copy: *shared\n"
    "rules:\n"
    "  - id: R-1\n"
    "    when: >\n"
    "      a && b\n"
    "  - plain multi\n"
    "    line scalar\n"
    "  -\n"
    "  - []\n"
    "  - {}\n";

YamlNodePtr Parsed(const std::string& text) {
  Diagnostics diagnostics;
  YamlDocument document = ParseYaml(SourceText("every.yaml", text), diagnostics);
  REQUIRE(diagnostics.Empty());
  REQUIRE(document.root);
  return document.root;
}

std::vector<std::string> FilesIn(const std::string& directory) {
  std::vector<std::string> out;
  std::error_code error;
  for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end;
       it.increment(error)) {
    out.push_back(it->path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

unsigned ModeOf(const std::string& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

// Sets or unsets an environment variable for the length of a scope.
class ScopedEnvironment {
 public:
  ScopedEnvironment(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value != nullptr) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnvironment() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  ScopedEnvironment(const ScopedEnvironment&) = delete;
  ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST_CASE("a cache entry gives back exactly the parsed tree: every kind, style and position") {
  YamlNodePtr root = Parsed(kEveryKind);
  std::string key = YamlCacheKey(kEveryKind);
  std::string entry = EncodeYamlCacheEntry(key, *root);
  YamlNodePtr decoded = DecodeYamlCacheEntry(entry, key, std::string(kEveryKind).size());
  REQUIRE(decoded);
  CHECK(Describe(decoded) == Describe(root));

  // The description is as exact as the comparison needs it to be.
  const YamlNode* literal = decoded->Find("literal");
  REQUIRE(literal != nullptr);
  CHECK(literal->value == "line one\n  indented line\nline three\n");
  CHECK(literal->style == YamlScalarStyle::kLiteral);
  CHECK(literal->line == 4);
  CHECK(literal->column == 10);
  CHECK(literal->offset == 87);
  const YamlNode* folded = decoded->Find("folded");
  REQUIRE(folded != nullptr);
  CHECK(folded->value == "folded one folded two\nafter a blank");
  CHECK(folded->style == YamlScalarStyle::kFolded);
  CHECK(decoded->Find("title")->style == YamlScalarStyle::kSingleQuoted);
  CHECK(decoded->Find("summary")->value == "double \"quoted\" \xc3\xa9");
  CHECK(decoded->Find("summary")->style == YamlScalarStyle::kDoubleQuoted);
  CHECK(decoded->Find("empty")->IsNull());
  CHECK(decoded->Find("empty")->line == 14);  // placed at its key, as a fresh parse does
  CHECK(decoded->Find("written_null")->IsNull());
  // Both 'title' entries are kept, in file order.
  std::vector<std::string> titles;
  for (const YamlEntry& entry_node : decoded->entries) {
    if (entry_node.key->value == "title") titles.push_back(entry_node.value->value);
  }
  CHECK(titles == std::vector<std::string>{"single 'quoted'", "the same key twice"});
  CHECK(decoded->entries.size() == 12);
  // An alias still shares its node, as in the parsed tree.
  CHECK(decoded->Find("base") == decoded->Find("copy"));
  CHECK(root->Find("base") == root->Find("copy"));
  const YamlNode* rules = decoded->Find("rules");
  REQUIRE(rules != nullptr);
  REQUIRE(rules->items.size() == 5);
  CHECK(rules->items[1]->value == "plain multi line scalar");
  CHECK(rules->items[2]->IsNull());
  CHECK(rules->items[3]->IsSequence());
  CHECK(rules->items[4]->IsMapping());
}

TEST_CASE("an entry is only for its own key, text size, format and version") {
  YamlNodePtr root = Parsed(kEveryKind);
  std::string key = YamlCacheKey(kEveryKind);
  std::string entry = EncodeYamlCacheEntry(key, *root);
  std::size_t size = std::string(kEveryKind).size();
  CHECK(DecodeYamlCacheEntry(entry, key, size) != nullptr);
  CHECK(DecodeYamlCacheEntry(entry, YamlCacheKey("other text"), size) == nullptr);
  CHECK(DecodeYamlCacheEntry(entry, key, 100) == nullptr);  // nodes beyond the text's end
  CHECK(DecodeYamlCacheEntry(entry + "x", key, size) == nullptr);
  CHECK(DecodeYamlCacheEntry("", key, size) == nullptr);
  // The key depends on the text, the format and the version: 64 hex digits.
  CHECK(YamlCacheKey("a") != YamlCacheKey("b"));
  CHECK(YamlCacheKey("a").size() == 64);
  CHECK(YamlCacheKey("a").find_first_not_of("0123456789abcdef") == std::string::npos);
}

// A chain of `depth` one-item sequences around a scalar.
YamlNodePtr Nested(int depth) {
  auto leaf = std::make_shared<YamlNode>();
  leaf->kind = YamlKind::kScalar;
  leaf->value = "x";
  YamlNodePtr node = leaf;
  for (int i = 1; i < depth; ++i) {
    auto parent = std::make_shared<YamlNode>();
    parent->kind = YamlKind::kSequence;
    parent->items.push_back(node);
    node = parent;
  }
  return node;
}

TEST_CASE("an entry nested deeper than any parsed document is refused, not freed recursively") {
  std::string key = YamlCacheKey("nested");
  YamlNodePtr deep_enough = DecodeYamlCacheEntry(EncodeYamlCacheEntry(key, *Nested(4096)), key, 0);
  REQUIRE(deep_enough != nullptr);
  int depth = 1;
  for (const YamlNode* node = deep_enough.get(); node->IsSequence(); node = node->items[0].get()) {
    ++depth;
  }
  CHECK(depth == 4096);
  CHECK(DecodeYamlCacheEntry(EncodeYamlCacheEntry(key, *Nested(4097)), key, 0) == nullptr);
}

TEST_CASE("a tree that ParseYaml never makes is not encoded") {
  auto with_hole = std::make_shared<YamlNode>();
  with_hole->kind = YamlKind::kSequence;
  with_hole->items.push_back(nullptr);
  CHECK(EncodeYamlCacheEntry(YamlCacheKey("x"), *with_hole) == "");
  auto cycle = std::make_shared<YamlNode>();
  cycle->kind = YamlKind::kSequence;
  cycle->items.push_back(cycle);
  CHECK(EncodeYamlCacheEntry(YamlCacheKey("x"), *cycle) == "");
  cycle->items.clear();  // frees it
  CHECK(EncodeYamlCacheEntry(YamlCacheKey("x"), *cycle) != "");
}

TEST_CASE("a file read twice is parsed, stored, then read from the cache with the same tree") {
  testing::TempFolder folder;
  std::string path = folder.Write("rules.yaml", kEveryKind);
  std::string cache = folder / "cache";
  Diagnostics first_problems;
  YamlCacheOutcome outcome = YamlCacheOutcome::kOff;
  YamlDocument first = ReadYamlFileCached(path, cache, first_problems, &outcome);
  CHECK(outcome == YamlCacheOutcome::kMiss);
  std::vector<std::string> files = FilesIn(cache);
  REQUIRE(files.size() == 1);
  CHECK(files[0] == YamlCacheKey(kEveryKind));

  Diagnostics second_problems;
  YamlDocument second = ReadYamlFileCached(path, cache, second_problems, &outcome);
  CHECK(outcome == YamlCacheOutcome::kHit);
  CHECK(first_problems.Empty());
  CHECK(second_problems.Empty());
  CHECK(second.source.text() == kEveryKind);
  CHECK(second.source.path() == path);
  CHECK(Describe(second.root) == Describe(first.root));
  CHECK(Describe(second.root) == Describe(Parsed(kEveryKind)));

  // The same content elsewhere is the same entry.
  std::string copy = folder.Write("elsewhere/copy.yaml", kEveryKind);
  Diagnostics copy_problems;
  YamlDocument third = ReadYamlFileCached(copy, cache, copy_problems, &outcome);
  CHECK(outcome == YamlCacheOutcome::kHit);
  CHECK(third.source.path() == copy);
  CHECK(FilesIn(cache).size() == 1);
}

TEST_CASE("a document with any diagnostic is never cached") {
  testing::TempFolder folder;
  std::string cache = folder / "cache";
  for (const char* text : {"a: [1, 2\n", "a: 1\n---\nb: 2\n", "a: b: c\n"}) {
    CAPTURE(text);
    std::string path = folder.Write("bad.yaml", text);
    Diagnostics fresh;
    YamlDocument expected = ReadYamlFile(path, fresh);
    REQUIRE(fresh.HasErrors());
    for (int run = 0; run < 2; ++run) {
      Diagnostics problems;
      YamlCacheOutcome outcome = YamlCacheOutcome::kOff;
      YamlDocument document = ReadYamlFileCached(path, cache, problems, &outcome);
      CHECK(outcome == YamlCacheOutcome::kMiss);
      CHECK(problems.Format() == fresh.Format());
      CHECK(document.root == nullptr);
    }
  }
  CHECK(FilesIn(cache).empty());
}

TEST_CASE("a truncated or altered entry is a miss, never another tree, and is rewritten") {
  testing::TempFolder folder;
  const std::string text =
      "id: R-1\ntitle: 'x'\nnotes: |\n  one\n  two\nlist: [a, {b: c}]\ndup: 1\ndup: 2\n";
  std::string path = folder.Write("rules.yaml", text);
  std::string cache = folder / "cache";
  const std::string expected = Describe(Parsed(text));
  Diagnostics ignored;
  ReadYamlFileCached(path, cache, ignored);
  const std::string entry_path = cache + "/" + YamlCacheKey(text);
  const std::string entry = testing::ReadText(entry_path);
  REQUIRE(entry.size() > 100);

  auto check_damaged = [&](const std::string& damaged) {
    std::ofstream(entry_path, std::ios::binary | std::ios::trunc) << damaged;
    Diagnostics problems;
    YamlCacheOutcome outcome = YamlCacheOutcome::kOff;
    YamlDocument document = ReadYamlFileCached(path, cache, problems, &outcome);
    CHECK(problems.Empty());
    CHECK(Describe(document.root) == expected);
    return outcome;
  };

  int misses = 0;
  for (std::size_t length = 0; length < entry.size(); ++length) {
    CAPTURE(length);
    YamlCacheOutcome outcome = check_damaged(entry.substr(0, length));
    CHECK(outcome == YamlCacheOutcome::kMiss);
    misses += outcome == YamlCacheOutcome::kMiss;
    // The miss stored the whole entry again.
    CHECK(testing::ReadText(entry_path) == entry);
  }
  CHECK(misses == static_cast<int>(entry.size()));

  int flipped = 0;
  for (std::size_t at = 0; at < entry.size(); ++at) {
    for (unsigned char bit : {0x01, 0x80}) {
      CAPTURE(at);
      std::string damaged = entry;
      damaged[at] = static_cast<char>(damaged[at] ^ bit);
      YamlCacheOutcome outcome = check_damaged(damaged);
      CHECK(outcome == YamlCacheOutcome::kMiss);
      CHECK(testing::ReadText(entry_path) == entry);
      ++flipped;
    }
  }
  CHECK(flipped == static_cast<int>(entry.size()) * 2);

  // And the intact entry is a hit again.
  YamlCacheOutcome outcome = YamlCacheOutcome::kOff;
  YamlDocument document = ReadYamlFileCached(path, cache, ignored, &outcome);
  CHECK(outcome == YamlCacheOutcome::kHit);
  CHECK(Describe(document.root) == expected);
}

TEST_CASE("writers racing on one entry leave one whole entry and every reader the same tree") {
  testing::TempFolder folder;
  std::string path = folder.Write("rules.yaml", kEveryKind);
  std::string cache = folder / "cache";
  const std::string expected = Describe(Parsed(kEveryKind));
  constexpr int kThreads = 4;
  constexpr int kRounds = 25;
  std::vector<std::vector<std::string>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        if (round % 5 == 0) {
          std::error_code ignored;
          std::filesystem::remove(cache + "/" + YamlCacheKey(kEveryKind), ignored);
        }
        Diagnostics problems;
        YamlDocument document = ReadYamlFileCached(path, cache, problems);
        seen[t].push_back(problems.Empty() ? Describe(document.root) : problems.Format());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::vector<std::string>& trees : seen) {
    REQUIRE(trees.size() == kRounds);
    for (const std::string& tree : trees) CHECK(tree == expected);
  }
  std::vector<std::string> files = FilesIn(cache);  // no temporary file left behind
  REQUIRE(files.size() == 1);
  CHECK(files[0] == YamlCacheKey(kEveryKind));
}

TEST_CASE("storing an entry removes entries and temporary files left long ago, nothing else") {
  testing::TempFolder folder;
  std::string cache = folder / "cache";
  const std::string old_entry = std::string(64, 'a');
  const std::string recent_entry = std::string(64, 'b');
  const std::string old_temporary = std::string(64, 'c') + ".tmp.123.0";
  const std::string recent_temporary = std::string(64, 'd') + ".tmp.123.1";
  const std::string someone_elses = "notes.txt";
  const std::string old_uppercase = std::string(64, 'E');
  auto age = [&](const std::string& name, std::time_t seconds) {
    std::string path = folder.Write("cache/" + name, "x");
    std::time_t then = std::time(nullptr) - seconds;
    struct timespec times[2] = {{then, 0}, {then, 0}};
    REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
  };
  constexpr std::time_t kDay = 24 * 3600;
  age(old_entry, 91 * kDay);
  age(recent_entry, 89 * kDay);
  age(old_temporary, 2 * kDay);
  age(recent_temporary, kDay / 2);
  age(someone_elses, 400 * kDay);
  age(old_uppercase, 400 * kDay);

  std::string path = folder.Write("rules.yaml", "id: R-1\n");
  Diagnostics problems;
  ReadYamlFileCached(path, cache, problems);  // a miss: stores, then prunes
  CHECK(FilesIn(cache) == std::vector<std::string>{YamlCacheKey("id: R-1\n"), old_uppercase,
                                                   recent_entry, recent_temporary, someone_elses});
}

TEST_CASE("the cache folder is made 0700, with its missing parents, and entries are 0600") {
  testing::TempFolder folder;
  std::string path = folder.Write("rules.yaml", "id: R-1\n");
  std::string cache = folder / "home/.cache/uofa";
  ::umask(022);
  Diagnostics problems;
  ReadYamlFileCached(path, cache, problems);
  CHECK(problems.Empty());
  CHECK(ModeOf(folder / "home") == 0700);
  CHECK(ModeOf(folder / "home/.cache") == 0700);
  CHECK(ModeOf(cache) == 0700);
  std::vector<std::string> files = FilesIn(cache);
  REQUIRE(files.size() == 1);  // no temporary file left behind
  CHECK(files[0] == YamlCacheKey("id: R-1\n"));
  CHECK(ModeOf(cache + "/" + files[0]) == 0600);
}

TEST_CASE("a cache folder that cannot be made or written changes nothing and says nothing") {
  testing::TempFolder folder;
  std::string path = folder.Write("rules.yaml", kEveryKind);
  std::string not_a_folder = folder.Write("file", "x");
  for (const std::string& cache : {not_a_folder + "/cache", not_a_folder}) {
    CAPTURE(cache);
    for (int run = 0; run < 2; ++run) {
      Diagnostics problems;
      YamlCacheOutcome outcome = YamlCacheOutcome::kOff;
      YamlDocument document = ReadYamlFileCached(path, cache, problems, &outcome);
      CHECK(outcome == YamlCacheOutcome::kMiss);
      CHECK(problems.Empty());
      CHECK(Describe(document.root) == Describe(Parsed(kEveryKind)));
    }
  }
  CHECK(testing::ReadText(not_a_folder) == "x");
  // No cache folder at all: a plain read.
  Diagnostics problems;
  YamlCacheOutcome outcome = YamlCacheOutcome::kHit;
  YamlDocument document = ReadYamlFileCached(path, "", problems, &outcome);
  CHECK(outcome == YamlCacheOutcome::kOff);
  CHECK(Describe(document.root) == Describe(Parsed(kEveryKind)));
  // An unreadable file is the same error as without the cache.
  Diagnostics missing;
  ReadYamlFileCached(folder / "missing.yaml", folder / "cache", missing, &outcome);
  Diagnostics missing_uncached;
  ReadYamlFile(folder / "missing.yaml", missing_uncached);
  CHECK(missing.Format() == missing_uncached.Format());
  CHECK(missing.ErrorCount() == 1);
}

TEST_CASE("the cache folder comes from UOFA_CACHE_DIR, XDG_CACHE_HOME or HOME, and can be off") {
  ScopedEnvironment home("HOME", "/home/someone");
  {
    ScopedEnvironment own("UOFA_CACHE_DIR", "/var/cache/mine");
    ScopedEnvironment xdg("XDG_CACHE_HOME", "/xdg");
    CHECK(YamlCacheDirectoryFromEnvironment() == "/var/cache/mine");
  }
  {
    ScopedEnvironment own("UOFA_CACHE_DIR", "off");
    CHECK(YamlCacheDirectoryFromEnvironment() == "");
  }
  {
    ScopedEnvironment own("UOFA_CACHE_DIR", "");
    CHECK(YamlCacheDirectoryFromEnvironment() == "");
  }
  ScopedEnvironment own("UOFA_CACHE_DIR", nullptr);
  {
    ScopedEnvironment xdg("XDG_CACHE_HOME", "/xdg");
    CHECK(YamlCacheDirectoryFromEnvironment() == "/xdg/uofa");
  }
  {
    ScopedEnvironment xdg("XDG_CACHE_HOME", "relative");  // not a valid XDG_CACHE_HOME
    CHECK(YamlCacheDirectoryFromEnvironment() == "/home/someone/.cache/uofa");
  }
  ScopedEnvironment xdg("XDG_CACHE_HOME", nullptr);
  CHECK(YamlCacheDirectoryFromEnvironment() == "/home/someone/.cache/uofa");
  ScopedEnvironment no_home("HOME", nullptr);
  CHECK(YamlCacheDirectoryFromEnvironment() == "");
}

TEST_CASE("UOFA_CACHE_DIR=off loads the packs without writing a cache anywhere") {
  testing::TempFolder folder;
  ScopedEnvironment home("HOME", (folder / "home").c_str());
  ScopedEnvironment xdg("XDG_CACHE_HOME", (folder / "xdg").c_str());
  ScopedEnvironment own("UOFA_CACHE_DIR", "off");
  LoadOptions options;
  options.rules_root = testing::PackFixtures();
  options.packs = {testing::PackFixtures() + "/valid"};
  Diagnostics diagnostics;
  std::unique_ptr<PackSet> set = LoadPacks(options, diagnostics);
  CHECK(set != nullptr);
  CHECK(diagnostics.Format() == "");
  CHECK(FilesIn(folder.path().string()).empty());
}

std::string LoadBroken(const std::string& pack, const std::string& cache) {
  LoadOptions options;
  options.rules_root = testing::PackFixtures();
  options.packs = {testing::PackFixtures() + "/broken/" + pack};
  options.cache_directory = cache;
  Diagnostics diagnostics;
  std::unique_ptr<PackSet> set = LoadPacks(options, diagnostics);
  CHECK(set == nullptr);
  return testing::WithoutFixturePrefix(diagnostics.Format());
}

TEST_CASE("packs loaded from the cache give exactly the diagnostics of a fresh parse") {
  testing::TempFolder folder;
  // Rule files that parse cleanly but are wrong: unknown keys, duplicate keys, errors inside
  // expressions in block scalars (positions mapped through the scalar's style), bad examples.
  for (const char* pack : {"unknown-key", "block-scalar", "bad-example", "misspelt-field",
                           "bad-values", "bad-yaml"}) {
    CAPTURE(pack);
    std::string cache = folder / (std::string("cache-") + pack);
    std::string golden =
        testing::ReadWholeFile(testing::PackFixtures() + "/broken/" + pack + ".expected");
    REQUIRE(!golden.empty());
    std::string cold = LoadBroken(pack, cache);
    std::vector<std::string> stored = FilesIn(cache);
    std::string warm = LoadBroken(pack, cache);
    CHECK(cold == golden);
    CHECK(warm == golden);
    CHECK(FilesIn(cache) == stored);
    if (std::string(pack) != "bad-yaml") {
      // pack.yaml, the rule file and the schemas and code lists they use.
      CHECK(stored.size() >= 2);
    }
  }
}

TEST_CASE("the valid fixture pack loads the same from a cold and a warm cache") {
  testing::TempFolder folder;
  std::string cache = folder / "cache";
  std::vector<std::string> outcomes;
  for (int run = 0; run < 2; ++run) {
    LoadOptions options;
    options.rules_root = testing::PackFixtures();
    options.packs = {testing::PackFixtures() + "/valid"};
    options.cache_directory = cache;
    Diagnostics diagnostics;
    std::unique_ptr<PackSet> set = LoadPacks(options, diagnostics);
    REQUIRE(set != nullptr);
    CHECK(diagnostics.Format() == "");
    std::string summary;
    for (const auto& pack : set->packs) {
      summary += pack->id + ":";
      for (const auto& rule : pack->rules) summary += " " + rule.id;
      summary += "\n";
    }
    outcomes.push_back(summary);
  }
  CHECK(outcomes[0] == outcomes[1]);
  CHECK(!outcomes[0].empty());
  CHECK(FilesIn(cache).size() >= 3);
}

}  // namespace
}  // namespace uofa
