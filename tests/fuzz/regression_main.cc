// Replays the fuzz corpora with the normal build: every file of corpus/<harness>/ and
// regressions/<harness>/ is fed to that harness. A crash, a sanitizer report or an abort fails
// the run; the last line printed names the input.
//
//   uofa_fuzz_regression tests/fuzz [harness]
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int UofaFuzz_expr(const std::uint8_t* data, std::size_t size);
extern "C" int UofaFuzz_rule_file(const std::uint8_t* data, std::size_t size);
extern "C" int UofaFuzz_csv_table(const std::uint8_t* data, std::size_t size);
extern "C" int UofaFuzz_incident_jsonl(const std::uint8_t* data, std::size_t size);
extern "C" int UofaFuzz_organisation(const std::uint8_t* data, std::size_t size);
extern "C" int UofaFuzz_markdown_reader(const std::uint8_t* data, std::size_t size);
extern "C" int UofaFuzz_mapped_table(const std::uint8_t* data, std::size_t size);
extern "C" int UofaFuzz_pdf_reader(const std::uint8_t* data, std::size_t size);
extern "C" int UofaFuzz_docx_reader(const std::uint8_t* data, std::size_t size);
extern "C" int UofaFuzz_incident_sqlite(const std::uint8_t* data, std::size_t size);
extern "C" int UofaFuzz_yaml_cache_entry(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

struct Harness {
  const char* name;
  int (*run)(const std::uint8_t* data, std::size_t size);
};

const Harness kHarnesses[] = {
    {"expr", UofaFuzz_expr},
    {"rule_file", UofaFuzz_rule_file},
    {"csv_table", UofaFuzz_csv_table},
    {"incident_jsonl", UofaFuzz_incident_jsonl},
    {"organisation", UofaFuzz_organisation},
    {"markdown_reader", UofaFuzz_markdown_reader},
    {"mapped_table", UofaFuzz_mapped_table},
    {"pdf_reader", UofaFuzz_pdf_reader},
    {"docx_reader", UofaFuzz_docx_reader},
    {"incident_sqlite", UofaFuzz_incident_sqlite},
    {"yaml_cache_entry", UofaFuzz_yaml_cache_entry},
};

// The files of `folder`, sorted so that runs are reproducible; none when it does not exist.
std::vector<fs::path> FilesIn(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code error;
  if (!fs::is_directory(folder, error)) return files;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: uofa_fuzz_regression FUZZ_DIR [HARNESS]\n";
    return 2;
  }
  fs::path root = argv[1];
  std::string only = argc > 2 ? argv[2] : "";
  int total = 0;
  for (const Harness& harness : kHarnesses) {
    if (!only.empty() && only != harness.name) continue;
    int count = 0;
    for (const char* kind : {"corpus", "regressions"}) {
      for (const fs::path& file : FilesIn(root / kind / harness.name)) {
        std::cout << harness.name << ": " << file.lexically_relative(root).string() << std::endl;
        std::ifstream in(file, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        harness.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        ++count;
      }
    }
    if (count == 0) {
      std::cerr << "no corpus for harness '" << harness.name << "' under " << root.string() << "\n";
      return 1;
    }
    total += count;
  }
  std::cout << total << " inputs replayed without a crash" << std::endl;
  return 0;
}
