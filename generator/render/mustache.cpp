#include "render/mustache.h"

#include <algorithm>
#include <cstddef>

#include "base/escape.h"
#include "render/mustache_node.h"

namespace hyoka::mustache {

// ---- values -------------------------------------------------------------------------------

const Value& Value::resolved() const {
  const Value* v = this;
  while (const auto* borrowed = std::get_if<const Value*>(&v->data_)) v = *borrowed;
  return *v;
}

bool Value::empty() const {
  const auto& v = resolved().data_;
  if (std::holds_alternative<std::monostate>(v)) return true;
  if (const auto* flag = std::get_if<bool>(&v)) return !*flag;
  if (const auto* text = std::get_if<std::string>(&v)) return text->empty();
  if (const auto* view = std::get_if<std::string_view>(&v)) return view->empty();
  if (const auto* list = std::get_if<List>(&v)) return list->empty();
  if (const auto* lazy = std::get_if<std::shared_ptr<const Lazy>>(&v)) return (*lazy)->size == 0;
  return false;
}

const bool* Value::flag() const {
  return std::get_if<bool>(&resolved().data_);
}

std::optional<std::string_view> Value::text() const {
  const auto& v = resolved().data_;
  if (const auto* text = std::get_if<std::string>(&v)) return *text;
  if (const auto* view = std::get_if<std::string_view>(&v)) return *view;
  return std::nullopt;
}

const List* Value::list() const {
  return std::get_if<List>(&resolved().data_);
}

const Value::Lazy* Value::lazy() const {
  const auto* lazy = std::get_if<std::shared_ptr<const Lazy>>(&resolved().data_);
  return lazy ? lazy->get() : nullptr;
}

const Map* Value::map() const {
  return std::get_if<Map>(&resolved().data_);
}

const Value* Value::find(const Key& name) const {
  const auto* m = map();
  if (!m) return nullptr;
  for (const auto& [key, value] : *m) {
    if (key == name) return &value;
  }
  return nullptr;
}

void Value::set(Key name, Value value) {
  if (!std::holds_alternative<Map>(data_)) data_ = Map{};
  auto& m = std::get<Map>(data_);
  for (auto& [key, existing] : m) {
    if (key == name) {
      existing = std::move(value);
      return;
    }
  }
  m.emplace_back(std::move(name), std::move(value));
}

// ---- rendering -----------------------------------------------------------------------------

Template::Template() = default;
Template::~Template() = default;
Template::Template(Template&&) noexcept = default;
Template& Template::operator=(Template&&) noexcept = default;

namespace {

const Value kNothing;

using Stack = std::vector<const Value*>;

// mstch's lookup: "." is the innermost value that is not a map; "a.b.c" finds a through the
// stack and b and c inside it only.
const Value& look_up(const Node& node, const Stack& stack) {
  const auto& path = node.path;
  const Value* found = nullptr;
  const auto& first = path.front();
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    const Value& v = (*it)->resolved();
    if (node.dot) {
      if (!v.map()) {
        found = &v;
        break;
      }
    } else if (const auto* hit = v.find(first)) {
      found = hit;
      break;
    }
  }
  for (std::size_t i = 1; found && i < path.size(); ++i) {
    const Value& v = found->resolved();
    found = v.map() ? v.find(path[i]) : (path[i].str() == "." ? &v : nullptr);
  }
  return found ? found->resolved() : kNothing;
}

std::string tag_as_written(const Node& node) {
  switch (node.kind) {
    case Node::Kind::section:
      return "{{#" + node.text + "}}";
    case Node::Kind::inverted:
      return "{{^" + node.text + "}}";
    case Node::Kind::partial:
      return "{{> " + node.text + "}}";
    case Node::Kind::raw:
      return "{{{" + node.text + "}}}";
    default:
      return "{{" + node.text + "}}";
  }
}

// What a render may still use up, and where it stopped once it could not go on.
struct Budget {
  std::size_t max_bytes;
  std::size_t passes_left;
  std::optional<RenderStop> stop;

  bool pass() {
    if (passes_left > 0) {
      --passes_left;
      return true;
    }
    stop = RenderStop{false, {}};
    return false;
  }
  bool fits(const std::string& out) {
    if (out.size() <= max_bytes) return true;
    stop = RenderStop{true, {}};
    return false;
  }
};

// Returns false once the budget is spent; the tags it was inside are then in budget.stop,
// innermost first.
bool render_nodes(const Template& in, const std::vector<Node>& nodes, Stack& stack,
                  std::string& out, int depth, Budget& budget) {
  const auto inside = [&](const Node& node) {
    budget.stop->tags.push_back({&in, node.offset, tag_as_written(node)});
    return false;
  };
  for (const auto& node : nodes) {
    switch (node.kind) {
      case Node::Kind::text:
        out += node.text;
        if (!budget.fits(out)) return false;
        break;
      case Node::Kind::variable:
      case Node::Kind::raw: {
        const Value& v = look_up(node, stack);
        if (const auto text = v.text()) {
          if (node.kind == Node::Kind::variable) {
            append_escaped_markup(out, *text);
          } else {
            out += *text;
          }
        } else if (const auto* flag = v.flag()) {
          out += *flag ? "true" : "false";
        }
        if (!budget.fits(out)) return inside(node);
        break;
      }
      case Node::Kind::section: {
        const Value& v = look_up(node, stack);
        if (v.empty()) break;
        const auto pass = [&](const Value& item) {
          if (!budget.pass()) return false;
          stack.push_back(&item);
          const bool ok = render_nodes(in, node.children, stack, out, depth, budget);
          stack.pop_back();
          return ok;
        };
        if (const auto* list = v.list()) {
          for (const auto& item : *list) {
            if (!pass(item)) return inside(node);
          }
        } else if (const auto* lazy = v.lazy()) {
          for (std::size_t i = 0; i < lazy->size; ++i) {
            if (!pass(lazy->item(i))) return inside(node);
          }
        } else if (!pass(v)) {
          return inside(node);
        }
        break;
      }
      case Node::Kind::inverted:
        if (look_up(node, stack).empty()) {
          if (!budget.pass()) return inside(node);
          stack.push_back(&kNothing);
          const bool ok = render_nodes(in, node.children, stack, out, depth, budget);
          stack.pop_back();
          if (!ok) return inside(node);
        }
        break;
      case Node::Kind::partial:
        if (node.partial && depth < kMaxPartialDepth) {
          if (!budget.pass() ||
              !render_nodes(*node.partial, node.partial->nodes(), stack, out, depth + 1, budget)) {
            return inside(node);
          }
        }
        break;
    }
  }
  return true;
}

}  // namespace

// ---- public ----

std::optional<RenderStop> Template::render(const Value& context, std::string& out,
                                           const RenderLimits& limits) const {
  Stack stack = {&context};
  stack.reserve(16);
  Budget budget{out.size() + limits.max_bytes, limits.max_passes, std::nullopt};
  if (render_nodes(*this, nodes_, stack, out, 0, budget)) return std::nullopt;
  std::reverse(budget.stop->tags.begin(), budget.stop->tags.end());
  return budget.stop;
}

std::string Template::render(const Value& context) const {
  std::string out;
  (void)render(context, out);
  return out;
}

}  // namespace hyoka::mustache
