// A cache of parsed YAML trees on disk, keyed by the content of the file, so that loading the
// packs does not scan every rule file again on every command. One small binary file per parsed
// document, named by its key: the SHA-256 of the cache format, the uofa version and the file's
// bytes. Only documents that parsed with no diagnostic at all are stored, so a hit gives exactly
// the tree (and so exactly the diagnostics downstream) of a fresh parse.
//
// The cache is an optimisation and nothing else: an entry that is missing, truncated, corrupt, of
// another format or not owned by the user is a miss (the file is parsed and the entry rewritten),
// and a folder that cannot be made or written is no cache, silently. Deleting it is always safe.
#ifndef UOFA_ENGINE_PACK_YAML_CACHE_H_
#define UOFA_ENGINE_PACK_YAML_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/pack/yaml_document.h"
#include "uofa/diagnostic.h"

namespace uofa {

/// Bumped whenever the layout of an entry or the meaning of a tree changes.
inline constexpr std::uint32_t kYamlCacheFormat = 1;

/// The cache folder the environment asks for: $UOFA_CACHE_DIR if set ("" or "off": no cache),
/// else $XDG_CACHE_HOME/uofa, else $HOME/.cache/uofa; "" when there is none.
std::string YamlCacheDirectoryFromEnvironment();

/// The key of a file's text: 64 hex digits, also the entry's file name.
std::string YamlCacheKey(std::string_view text);

/// An entry as stored: a header (format, uofa version, key, payload size and checksum) and the
/// tree, every node once (aliases stay shared), children before their parents. "" for a tree
/// ParseYaml never makes (a null child, a cycle, a value over 4 GiB), which is not stored.
std::string EncodeYamlCacheEntry(std::string_view key, const YamlNode& root);
/// The tree of an entry, or nullptr when it is not a whole, intact entry for `key` of this
/// format and version, or places a node beyond `text_size`. Every read is bounds-checked.
YamlNodePtr DecodeYamlCacheEntry(std::string_view bytes, std::string_view key,
                                 std::size_t text_size);
/// The tree of an entry's payload (the node table after the header), or nullptr when it is not
/// a whole, well-formed table, or nests deeper than any parsed document. For the fuzzer.
YamlNodePtr DecodeYamlCachePayload(std::string_view payload, std::size_t text_size);

/// What ReadYamlFileCached did with the cache.
enum class YamlCacheOutcome {
  kOff,     ///< no cache folder, or the file could not be read
  kHit,     ///< the tree came from the cache
  kMiss,    ///< parsed; stored when it parsed cleanly and the folder is writable
};

/// ReadYamlFile through the cache in `cache_directory` ("": no cache). The file is always read
/// (the document keeps its text); only the parse is skipped on a hit. The folder is created
/// (mode 0700) when an entry is first stored; entries are written (mode 0600) under a temporary
/// name and renamed, so processes sharing the folder never see half an entry. Never fails or
/// reports anything because of the cache. Safe to call from several threads at once.
YamlDocument ReadYamlFileCached(const std::string& path, const std::string& cache_directory,
                                Diagnostics& diagnostics, YamlCacheOutcome* outcome = nullptr);

}  // namespace uofa

#endif  // UOFA_ENGINE_PACK_YAML_CACHE_H_
