#include "entente/io/import_plan.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <fstream>
#include <fmt/format.h>
#include <map>
#include <mutex>
#include <thread>

#include "entente/io/file.hpp"
#include "entente/io/importers.hpp"
#include "entente/io/state_system.hpp"

namespace entente::io {

namespace {

// Only the header line is needed to recognise a file.
std::string first_line(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::string line;
  std::getline(in, line);
  return line + "\n";
}

int reader_rank(std::string_view name) {
  const auto all = readers();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i].name == name) return static_cast<int>(i);
  return 1000;
}

}  // namespace

std::vector<PlannedFile> plan_import(const std::vector<std::filesystem::path>& paths,
                                     const std::optional<std::string>& forced) {
  std::vector<PlannedFile> plan;
  for (const auto& p : paths) {
    if (!std::filesystem::is_directory(p)) {
      plan.push_back({p, forced ? *forced : detect_reader(p.string(), first_line(p)), ""});
      continue;
    }
    std::vector<std::filesystem::path> found;
    for (const auto& e : std::filesystem::recursive_directory_iterator(p))
      if (e.is_regular_file()) found.push_back(e.path());
    std::sort(found.begin(), found.end());
    std::vector<PlannedFile> here;
    for (const auto& f : found) {
      try {
        here.push_back({f, detect_reader(f.string(), first_line(f)), ""});  // --as names files, not folders
      } catch (const ParseError&) {
        here.push_back({f, "", "not a provider file entente reads"});
      }
    }
    // One layout per dataset from a folder: prefer the newest version named in the file name,
    // then the reader listed first (the richer layout, e.g. COW member-yearly with treaty ids).
    std::map<std::string, const PlannedFile*> chosen;
    auto dataset_of = [](const PlannedFile& f) {
      for (const auto& r : readers())
        if (r.name == f.reader) return std::string(r.dataset);
      return std::string();
    };
    auto better = [&](const PlannedFile& a, const PlannedFile& b) {
      auto version = [](const PlannedFile& f) {
        const auto v = version_from_file_name(f.path.filename().string());
        return v.empty() ? -1.0 : std::stod(v);
      };
      if (version(a) != version(b)) return version(a) > version(b);
      return reader_rank(a.reader) < reader_rank(b.reader);
    };
    for (const auto& f : here) {
      if (f.reader.empty()) continue;
      auto& slot = chosen[dataset_of(f)];
      if (!slot || (slot->reader != f.reader && better(f, *slot))) slot = &f;
    }
    for (auto& f : here) {
      if (f.reader.empty()) {
        plan.push_back(f);
        continue;
      }
      const auto* keep = chosen[dataset_of(f)];
      PlannedFile out = f;
      if (keep->reader != f.reader) {
        out.note = fmt::format("another layout of the same dataset ({}) is imported instead", keep->path.filename().string());
        out.reader.clear();
      }
      plan.push_back(std::move(out));
    }
  }
  return plan;
}

void read_planned_each(const std::vector<PlannedFile>& plan, unsigned threads,
                       const std::function<void(const PlannedFile&, std::size_t)>& progress, bool skip_bad_rows,
                       const std::vector<evidence::SpellRecord>& known,
                       const std::function<void(std::size_t, evidence::ImportBatch&)>& consume) {
  std::vector<const PlannedFile*> todo;
  for (const auto& f : plan)
    if (!f.reader.empty()) todo.push_back(&f);
  std::vector<evidence::ImportBatch> batches(todo.size());
  std::vector<std::exception_ptr> errors(todo.size());
  std::vector<char> ready(todo.size(), 0);
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex mutex;  // guards ready, done, written and the progress callback
  std::condition_variable finished;
  // The states files first (they are small), for the state system the other files are checked
  // against; the others in parallel.
  const auto is_states = [](const PlannedFile& f) { return f.reader == format_info(Format::cow_states).name; };
  std::vector<evidence::SpellRecord> spells;
  for (std::size_t i = 0; i < todo.size(); ++i) {
    if (!is_states(*todo[i])) continue;
    try {
      batches[i] = read_provider_file(todo[i]->path, todo[i]->reader, ReadOptions{skip_bad_rows});
      spells.insert(spells.end(), batches[i].spells.begin(), batches[i].spells.end());
    } catch (...) {
      errors[i] = std::current_exception();
    }
  }
  const StateSystem states(spells.empty() ? known : spells);
  const ReadOptions options{skip_bad_rows, states.empty() ? nullptr : &states};
  // Batches already written, freed by a parsing thread: freeing millions of rows costs the
  // writing thread time it has not got to spare.
  std::vector<evidence::ImportBatch> written;
  auto free_written = [&] {
    std::vector<evidence::ImportBatch> old;
    {
      std::lock_guard lock(mutex);
      old.swap(written);
    }
  };
  auto parse = [&](std::size_t i) {
    if (!is_states(*todo[i])) {
      try {
        batches[i] = read_provider_file(todo[i]->path, todo[i]->reader, options);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
    std::lock_guard lock(mutex);
    ready[i] = 1;
    ++done;
    if (progress) progress(*todo[i], done);
    finished.notify_all();
  };
  auto work = [&] {
    for (std::size_t i; (i = next++) < todo.size();) {
      free_written();
      parse(i);
    }
    free_written();
  };
  // The calling thread hands the batches over in plan order as they are ready, and parses a file
  // itself while the next batch is not ready; so one thread fewer is started than there are
  // cores. (With a thread per core besides it, the writing thread, the critical path of a
  // strict import, got only two thirds of a core while the others parsed.)
  const unsigned n = std::max(1u, std::min<unsigned>(threads > 1 ? threads - 1 : 1, static_cast<unsigned>(todo.size())));
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < n; ++t) pool.emplace_back(work);
  std::exception_ptr consumer_error;
  for (std::size_t i = 0; i < todo.size() && !consumer_error; ++i) {
    for (;;) {
      {
        std::unique_lock lock(mutex);
        if (ready[i]) break;
        if (next >= todo.size()) {
          finished.wait(lock, [&] { return ready[i] != 0; });
          break;
        }
      }
      if (const std::size_t j = next++; j < todo.size()) parse(j);
    }
    if (errors[i]) break;  // reported below, once every file has been read
    try {
      consume(i, batches[i]);
    } catch (...) {
      consumer_error = std::current_exception();
    }
    std::lock_guard lock(mutex);
    written.push_back(std::move(batches[i]));  // its rows are no longer needed
    batches[i] = evidence::ImportBatch();
  }
  for (auto& t : pool) t.join();
  // The first failing file in plan order is the one reported, whatever thread met it first, and
  // a file that cannot be read is reported before anything the consumer found.
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
  if (consumer_error) std::rethrow_exception(consumer_error);
}

std::vector<evidence::ImportBatch> read_planned(const std::vector<PlannedFile>& plan, unsigned threads,
                                                const std::function<void(const PlannedFile&, std::size_t)>& progress,
                                                bool skip_bad_rows,
                                                const std::vector<evidence::SpellRecord>& known) {
  std::vector<evidence::ImportBatch> out;
  read_planned_each(plan, threads, progress, skip_bad_rows, known,
                    [&](std::size_t, evidence::ImportBatch& batch) { out.push_back(std::move(batch)); });
  return out;
}

}  // namespace entente::io
