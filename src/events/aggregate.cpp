// The pipeline: the calling thread cuts each file into blocks at line boundaries and hands them to
// worker threads. A plain file is mapped and its blocks point into the mapping (no copy by read();
// workers give scanned pages back, so the resident set stays near the blocks in flight); a gzip
// file or a pipe is read into block buffers (ByteStream gunzips on the way). Each worker scans
// blocks into its own Tally; the tallies are merged at the end. Line numbers for errors are known
// only once every earlier block has been scanned, so a block reports its errors by line within the
// block, and the first error in file order is turned into a ParseError after the workers stop.
#include "entente/events/aggregate.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "entente/core/parallel.hpp"
#include "entente/io/byte_stream.hpp"
#include "entente/io/parse_error.hpp"
#include "scanners.hpp"

namespace entente::events {
namespace {

constexpr std::size_t kPadding = 64;  // readable bytes after a block's end, for vector loads

struct Block {
  std::vector<char> data;  // capacity + kPadding
  const char* begin = nullptr;  // in `data`, or in a mapped file
  std::size_t size = 0;
  const io::ByteStream* stream = nullptr;  // the mapped file `begin` points into, or null
  std::size_t file = 0;    // index into the files
  std::size_t sequence = 0;
};

struct Done {
  std::size_t file = 0;
  std::size_t first_line = 0;  // filled in after the run
  detail::BlockReport report;
};

class Pipeline {
 public:
  Pipeline(const AggregateOptions& options, unsigned threads) : options_(options) {
    for (unsigned t = 0; t < threads; ++t) tallies_.push_back(std::make_unique<detail::Tally>(options));
    for (unsigned t = 0; t < threads + 2; ++t) {
      auto b = std::make_unique<Block>();
      b->data.resize(options.block_bytes + kPadding + 1);  // +1: a newline added after a last line without one
      free_.push_back(std::move(b));
    }
    for (unsigned t = 0; t < threads; ++t) workers_.emplace_back([this, t] { work(*tallies_[t]); });
  }
  ~Pipeline() { stop(); }

  std::unique_ptr<Block> take_free() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !free_.empty(); });
    auto b = std::move(free_.back());
    free_.pop_back();
    return b;
  }
  void submit(std::unique_ptr<Block> b, const detail::FileContext* file) {
    std::lock_guard lock(mutex_);
    b->sequence = done_.size();
    done_.push_back({b->file, 0, {}});
    contexts_.push_back(file);
    queue_.push_back(std::move(b));
    changed_.notify_all();
  }
  bool failed() const { return failed_.load(); }
  void stop() {
    {
      std::lock_guard lock(mutex_);
      closing_ = true;
      changed_.notify_all();
    }
    for (auto& w : workers_)
      if (w.joinable()) w.join();
    workers_.clear();
  }
  std::vector<Done>& done() { return done_; }
  detail::Tally merged() {
    for (std::size_t t = 1; t < tallies_.size(); ++t) tallies_[0]->merge(std::move(*tallies_[t]));
    return std::move(*tallies_[0]);
  }

 private:
  void work(detail::Tally& tally) {
    while (true) {
      std::unique_ptr<Block> b;
      const detail::FileContext* file = nullptr;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return closing_ || !queue_.empty(); });
        if (queue_.empty()) return;
        b = std::move(queue_.front());
        queue_.pop_front();
        file = contexts_[b->sequence];
      }
      detail::BlockReport report;
      if (b->sequence < failed_at_.load()) detail::scan_block(*file, b->begin, b->begin + b->size, tally, report);
      // Scanned pages of a mapped file leave the resident set: it stays near the blocks in flight.
      if (b->stream) b->stream->release_mapped(b->begin, b->begin + b->size);
      std::lock_guard lock(mutex_);
      if (!report.errors.empty() && !options_.skip_bad_rows) {
        failed_ = true;
        if (b->sequence < failed_at_) failed_at_ = b->sequence;
      }
      done_[b->sequence].report = std::move(report);
      free_.push_back(std::move(b));
      changed_.notify_all();
    }
  }

  const AggregateOptions& options_;
  std::vector<std::unique_ptr<detail::Tally>> tallies_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::unique_ptr<Block>> free_;
  std::deque<std::unique_ptr<Block>> queue_;
  std::deque<const detail::FileContext*> contexts_;  // by sequence; a deque keeps references valid
  std::vector<Done> done_;
  std::atomic<bool> failed_{false};
  // Blocks after the first that failed are not scanned; those before always are, so that the
  // first error in file order is found and its line number is right.
  std::atomic<std::size_t> failed_at_{static_cast<std::size_t>(-1)};
  bool closing_ = false;
};

}  // namespace

std::string_view format_name(Format f) noexcept {
  switch (f) {
    case Format::keds: return "keds";
    case Format::gdelt1: return "gdelt1";
    case Format::gdelt2: return "gdelt2";
    case Format::icews: return "icews";
  }
  return "";
}

std::optional<Format> detect_format(std::string_view line) noexcept {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line == R"("date","source","target","code")" || line == "date,source,target,code") return Format::keds;
  if (line.starts_with("Event ID\t")) return Format::icews;
  const auto tabs = std::count(line.begin(), line.end(), '\t');
  if (tabs == 57) return Format::gdelt1;
  if (tabs == 60) return Format::gdelt2;
  return std::nullopt;
}

AggregateResult aggregate(const std::vector<std::filesystem::path>& files, const AggregateOptions& options) {
  const unsigned threads = core::worker_count(options.threads);
  std::uint64_t total_bytes = 0, done_bytes = 0;
  for (const auto& f : files) {
    std::error_code ec;
    total_bytes += std::filesystem::file_size(f, ec);
  }
  std::deque<detail::FileContext> contexts;  // stable addresses
  std::vector<std::size_t> header_lines;
  std::vector<std::string> sources;
  // Declared before the pipeline: a mapped file outlives the workers scanning it, also on a throw.
  std::vector<std::unique_ptr<io::ByteStream>> streams;
  Pipeline pipeline(options, threads);
  const std::size_t capacity = options.block_bytes;
  for (std::size_t fi = 0; fi < files.size() && !pipeline.failed(); ++fi) {
    const std::string name = files[fi].string();
    streams.push_back(std::make_unique<io::ByteStream>(files[fi]));
    io::ByteStream& in = *streams.back();
    // A plain file is scanned where it is mapped; only a block too close to the file's end for
    // the scanner's 64-byte loads (or a last line without its newline) is copied.
    const std::string_view map = in.mapping();
    std::size_t map_pos = 0;
    // The starts of the latest mapped blocks submitted, and how far the mapping has been given back.
    std::deque<const char*> mapped_blocks;
    const char* released = map.data();
    std::string carry;
    bool first = true;
    bool at_end = false;
    while (!at_end && !pipeline.failed()) {
      auto b = pipeline.take_free();
      b->file = fi;
      // With this block free, at most threads + 1 others are queued or being scanned: the blocks
      // submitted before those are done. Their pages are given back again, with those the kernel
      // mapped around later faults (up to 64 KiB either side) that a worker's own release missed.
      if (mapped_blocks.size() > threads + 1) {
        while (mapped_blocks.size() > threads + 1) mapped_blocks.pop_front();
        constexpr std::size_t kFaultAround = 64 << 10;
        const char* from = static_cast<std::size_t>(released - map.data()) > kFaultAround ? released - kFaultAround : map.data();
        in.release_mapped(from, mapped_blocks.front());
        released = mapped_blocks.front();
      }
      char* data = b->data.data();
      const char* text = data;  // the block's bytes: in the mapping or in `data`
      bool copied = map.empty();
      std::size_t size = 0;
      if (!map.empty()) {
        text = map.data() + map_pos;
        size = std::min(capacity, map.size() - map_pos);
        map_pos += size;
        at_end = map_pos == map.size();
      } else {
        std::memcpy(data, carry.data(), carry.size());
        size = carry.size();
        while (size < capacity) {
          const std::size_t n = in.read(data + size, capacity - size);
          if (n == 0) {
            at_end = true;
            break;
          }
          size += n;
        }
      }
      std::size_t cut = size;  // bytes of whole lines
      if (!at_end) {
        const char* last = static_cast<const char*>(memrchr(text, '\n', size));
        if (!last)
          throw io::ParseError({name, 0, 0}, fmt::format("a line over {} bytes", capacity),
                               "lines shorter than the block size");
        cut = static_cast<std::size_t>(last - text) + 1;
      }
      if (!map.empty()) {
        map_pos -= size - cut;  // the partial line starts the next block
        const bool in_place = static_cast<std::size_t>(text + cut - map.data()) + kPadding <= map.size();
        if (!in_place) {
          std::memcpy(data, text, cut);
          text = data;
          copied = true;
        }
      } else {
        carry.assign(data + cut, size - cut);
      }
      if (copied && at_end && cut > 0 && data[cut - 1] != '\n')
        data[cut++] = '\n';  // the last line without its newline (kPadding leaves room)
      if (first) {
        first = false;
        const char* nl = static_cast<const char*>(std::memchr(text, '\n', cut));
        const std::string_view first_line(text, nl ? static_cast<std::size_t>(nl - text) : cut);
        if (cut == 0) throw std::runtime_error(name + ": the file is empty");
        const auto format = detect_format(first_line);
        if (!format)
          throw io::ParseError({name, 1, 1}, std::string(first_line.substr(0, 40)),
                               "a KEDS header (\"date\",\"source\",\"target\",\"code\"), an ICEWS header (Event "
                               "ID, ...) or a GDELT row of 58 (1.0) or 61 (2.0) tab-separated fields");
        contexts.push_back(detail::file_context(name, *format, first_line, options));
        sources.push_back(fmt::format("{} ({})", name, format_name(*format)));
        header_lines.push_back(detail::has_header(*format) ? 1 : 0);
        if (detail::has_header(*format)) {  // the block starts after the header
          const std::size_t offset = static_cast<std::size_t>(nl - text) + 1;
          text += offset;
          cut -= offset;
        }
      }
      if (copied) std::memset(data + (text - data) + cut, 0, kPadding);
      b->begin = text;
      b->size = cut;
      b->stream = copied ? nullptr : &in;
      done_bytes = map.empty() ? in.file_bytes_read() : map_pos;
      if (cut > 0 && !copied) mapped_blocks.push_back(text);
      if (cut > 0) pipeline.submit(std::move(b), &contexts.back());
      if (options.progress) {
        std::uint64_t before = 0;
        for (std::size_t k = 0; k < fi; ++k) {
          std::error_code ec;
          before += std::filesystem::file_size(files[k], ec);
        }
        options.progress(before + done_bytes, total_bytes);
      }
    }
  }
  pipeline.stop();
  // Line numbers: blocks of a file in sequence.
  auto& done = pipeline.done();
  std::vector<BadRow> bad;
  std::size_t line = 0, current_file = static_cast<std::size_t>(-1);
  for (auto& d : done) {
    if (d.file != current_file) {
      current_file = d.file;
      line = header_lines[d.file];
    }
    for (const auto& e : d.report.errors) {
      const io::ParseError error({contexts[d.file].name, line + e.line_in_block + 1, e.column}, e.value, e.expected);
      if (!options.skip_bad_rows) throw error;
      if (bad.size() < 20) bad.push_back({error.what()});
    }
    line += d.report.lines;
  }
  auto tally = pipeline.merged();
  auto result = tally.finish();
  result.bad_rows = std::move(bad);
  result.coverage.sources = std::move(sources);
  return result;
}

}  // namespace entente::events
