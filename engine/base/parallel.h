// ParallelFor: independent pieces of work (files to parse, tables to read) spread over the cores.
#ifndef UOFA_ENGINE_BASE_PARALLEL_H_
#define UOFA_ENGINE_BASE_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace uofa {

/// Calls `work(i)` once for each i in [0, count), on up to one thread per core (the calling
/// thread among them), and returns when every call has returned. Calls may run in any order and
/// at the same time: each must touch only what is its own (its slot of a result vector, say).
/// Where no thread can be started the calling thread does all the work. `work` must not throw.
void ParallelFor(std::size_t count, const std::function<void(std::size_t)>& work);

}  // namespace uofa

#endif  // UOFA_ENGINE_BASE_PARALLEL_H_
