// Letting go of what a finished piece of work held (the tables of a national audit, hundreds of
// megabytes in millions of pieces) on a thread of its own, while the caller goes on.
#ifndef UOFA_ENGINE_BASE_BACKGROUND_RELEASE_H_
#define UOFA_ENGINE_BASE_BACKGROUND_RELEASE_H_

#include <memory>

namespace uofa {

/// Drops `held` (the last reference to it, as a rule) on a thread of its own, after waiting for
/// the releases begun before. Where no thread can be started, drops it here and now. What `held`
/// owns must not be used by anyone else, and its destruction must not need anything the caller
/// may destroy meanwhile.
void ReleaseInBackground(std::shared_ptr<const void> held);

/// Returns when every release begun has finished. Also done when the program exits.
void WaitForReleases();

}  // namespace uofa

#endif  // UOFA_ENGINE_BASE_BACKGROUND_RELEASE_H_
