/* sm-span-index.c: a document's spans in document order, searchable by range.
 *
 * A treap (a binary search tree kept balanced by random priorities) ordered
 * by sm_span_compare(). Each node also knows the size of its subtree, so
 * the index is a GListModel with O(log n) access by position, and the
 * largest span end in its subtree, so the spans overlapping a range are
 * found by pruning every subtree that ends before the range or starts after
 * it: O(log n) to reach the range, plus O(log n) per span found, instead of
 * a scan of the document. Insertion and removal are O(log n).
 *
 * The tree knows a span by its hull (first fragment's start to last
 * fragment's end); a range query then drops the spans whose hull reaches
 * the range but none of whose fragments do, so an offset in the gap of a
 * discontinuous span does not hit it.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-span-index"

#include "config.h"

#include <string.h>

#include "sm-span-index.h"
#include "sm-span-private.h"

typedef struct _Node Node;

struct _Node
{
  SmSpan *span;
  Node   *left;
  Node   *right;
  guint32 priority;
  guint   size;
  guint   max_end;
};

/* The deepest path a cursor keeps: a treap of n spans is about 4.3 ln n
 * deep at its deepest (50 for 100,000), and a span deeper than this is
 * found from the root each time */
#define CURSOR_MAX_DEPTH 64

struct _SmSpanIndex
{
  GObject  parent_instance;
  Node    *root;
  /* The path from the root to the span sm_span_index_get_nth() found
   * last, at cursor_position: the next position is then a step or two
   * away, not a walk from the root. A GtkFilterListModel asks for every
   * position in turn each time its filter changes; found from the root,
   * that was a tenth of a key typed into the span list's search of
   * 106,000 spans (perf of bench/window's spanmark-bench-search). Any
   * change to the tree drops the cursor (cursor_depth 0). Reading by
   * position moves it, so an index, like its document, is for one thread
   * at a time (the window's workers read snapshots of it). */
  Node    *cursor_path[CURSOR_MAX_DEPTH];
  guint    cursor_depth;
  guint    cursor_position;
  /* xorshift state: deterministic priorities make runs reproducible */
  guint32  seed;
  /* > 0 while changes are told at the end of a batch, in one emission */
  guint    batch_depth;
  guint    batch_n_before;
  /* how many spans at the start and at the end no change of the batch touched */
  guint    batch_head;
  guint    batch_tail;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmSpanIndex, sm_span_index, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static inline guint
node_size (Node *node)
{
  return node ? node->size : 0;
}

static inline void
node_update (Node *node)
{
  node->size = 1 + node_size (node->left) + node_size (node->right);
  node->max_end = sm_span_get_end (node->span);
  if (node->left && node->left->max_end > node->max_end)
    node->max_end = node->left->max_end;
  if (node->right && node->right->max_end > node->max_end)
    node->max_end = node->right->max_end;
}

static void
node_free_all (Node *node)
{
  if (node == NULL)
    return;

  node_free_all (node->left);
  node_free_all (node->right);
  g_object_unref (node->span);
  g_free (node);
}

/* Splits @node into the spans ordered before @span and the rest */
static void
split (Node    *node,
       SmSpan  *span,
       Node   **left,
       Node   **right)
{
  if (node == NULL)
    {
      *left = *right = NULL;
      return;
    }

  if (sm_span_compare (node->span, span) < 0)
    {
      split (node->right, span, &node->right, right);
      *left = node;
    }
  else
    {
      split (node->left, span, left, &node->left);
      *right = node;
    }

  node_update (node);
}

/* Joins two treaps where every span of @left is ordered before @right */
static Node *
merge (Node *left,
       Node *right)
{
  if (left == NULL)
    return right;
  if (right == NULL)
    return left;

  if (left->priority > right->priority)
    {
      left->right = merge (left->right, right);
      node_update (left);
      return left;
    }
  else
    {
      right->left = merge (left, right->left);
      node_update (right);
      return right;
    }
}

static Node *
last_node (Node *node)
{
  while (node->right != NULL)
    node = node->right;

  return node;
}

/* merge (*root, node) for a node ordered after every span under *root:
 * down the right edge while the nodes there have higher priorities, each
 * of which gains the node below it */
static void
append_node (Node **root,
             Node  *node)
{
  Node **link = root;
  guint end = sm_span_get_end (node->span);

  while (*link != NULL && (*link)->priority > node->priority)
    {
      (*link)->size++;
      if ((*link)->max_end < end)
        (*link)->max_end = end;
      link = &(*link)->right;
    }

  node->left = *link;
  node_update (node);
  *link = node;
}

/* Moves the cursor to the next span in document order: down the right
 * child's left edge, or up to the first ancestor it is left of. FALSE,
 * and no cursor, if there is none or the path would be too deep. */
static gboolean
cursor_next (SmSpanIndex *self)
{
  Node **path = self->cursor_path;
  guint depth = self->cursor_depth;
  Node *node = path[depth - 1];

  if (node->right != NULL)
    {
      for (node = node->right; node != NULL; node = node->left)
        {
          if (depth == CURSOR_MAX_DEPTH)
            {
              self->cursor_depth = 0;
              return FALSE;
            }
          path[depth++] = node;
        }
    }
  else
    {
      Node *child;

      do
        child = path[--depth];
      while (depth > 0 && path[depth - 1]->right == child);
    }

  self->cursor_depth = depth;
  self->cursor_position++;

  return depth > 0;
}

/* Notes a change at @position, after which the index holds @n_after spans
 * of which @n_after_changed (from @position) are new or changed: the spans
 * before @position and after those are as they were */
static void
batch_note (SmSpanIndex *self,
            guint        position,
            guint        n_changed_after)
{
  guint n_after = self->root ? self->root->size : 0;

  self->batch_head = MIN (self->batch_head, position);
  self->batch_tail = MIN (self->batch_tail, n_after - position - n_changed_after);
}

static guint
items_changed_signal_id (void)
{
  static guint id;

  if (G_UNLIKELY (id == 0))
    id = g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL);

  return id;
}

static Node *
remove_node (Node   *node,
             SmSpan *span,
             Node  **removed)
{
  gint cmp;

  if (node == NULL)
    return NULL;

  cmp = sm_span_compare (span, node->span);

  if (cmp == 0 && node->span == span)
    {
      Node *joined = merge (node->left, node->right);

      *removed = node;
      return joined;
    }

  if (cmp < 0)
    node->left = remove_node (node->left, span, removed);
  else
    node->right = remove_node (node->right, span, removed);

  node_update (node);
  return node;
}

static guint32
next_priority (SmSpanIndex *self)
{
  guint32 x = self->seed;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;

  return self->seed = x;
}

static GType
sm_span_index_get_item_type (GListModel *model)
{
  return SM_TYPE_SPAN;
}

static guint
sm_span_index_get_n_items (GListModel *model)
{
  return sm_span_index_get_n_spans (SM_SPAN_INDEX (model));
}

static gpointer
sm_span_index_get_item (GListModel *model,
                        guint       position)
{
  SmSpan *span = sm_span_index_get_nth (SM_SPAN_INDEX (model), position);

  return span ? g_object_ref (span) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sm_span_index_get_item_type;
  iface->get_n_items = sm_span_index_get_n_items;
  iface->get_item = sm_span_index_get_item;
}

static void
sm_span_index_finalize (GObject *object)
{
  SmSpanIndex *self = (SmSpanIndex *)object;

  g_clear_pointer (&self->root, node_free_all);

  G_OBJECT_CLASS (sm_span_index_parent_class)->finalize (object);
}

static void
sm_span_index_class_init (SmSpanIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_span_index_finalize;
}

static void
sm_span_index_init (SmSpanIndex *self)
{
  self->seed = 2463534242u;
}

SmSpanIndex *
sm_span_index_new (void)
{
  return g_object_new (SM_TYPE_SPAN_INDEX, NULL);
}

/**
 * sm_span_index_insert:
 * @span: a span not yet in the index
 *
 * Adds @span (taking a reference) and emits #GListModel::items-changed.
 *
 * Returns: the position of @span
 */
guint
sm_span_index_insert (SmSpanIndex *self,
                      SmSpan      *span)
{
  Node *node, *left, *right;
  guint position;

  g_return_val_if_fail (SM_IS_SPAN_INDEX (self), 0);
  g_return_val_if_fail (SM_IS_SPAN (span), 0);

  node = g_new0 (Node, 1);
  node->span = g_object_ref (span);
  node->priority = next_priority (self);
  node_update (node);
  self->cursor_depth = 0;

  if (self->root == NULL || sm_span_compare (last_node (self->root)->span, span) < 0)
    {
      /* After every other span, as a file's spans come: the same tree as
       * below, without comparing the span all the way down */
      position = node_size (self->root);
      append_node (&self->root, node);
    }
  else
    {
      split (self->root, span, &left, &right);
      position = node_size (left);
      self->root = merge (merge (left, node), right);
    }

  if (self->batch_depth > 0)
    batch_note (self, position, 1);
  /* Telling no one is free; telling costs more than the insertion */
  else if (g_signal_has_handler_pending (self, items_changed_signal_id (), 0, FALSE))
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);

  return position;
}

/**
 * sm_span_index_remove:
 * @span: a span in the index
 *
 * Removes @span, dropping the index's reference, and emits
 * #GListModel::items-changed.
 *
 * Returns: the position @span had
 */
guint
sm_span_index_remove (SmSpanIndex *self,
                      SmSpan      *span)
{
  Node *removed = NULL;
  guint position;

  g_return_val_if_fail (SM_IS_SPAN_INDEX (self), 0);
  g_return_val_if_fail (SM_IS_SPAN (span), 0);

  if (!sm_span_index_find_position (self, span, &position))
    g_return_val_if_reached (0);

  self->root = remove_node (self->root, span, &removed);
  g_assert (removed != NULL);
  self->cursor_depth = 0;

  if (self->batch_depth > 0)
    batch_note (self, position, 0);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);

  g_object_unref (removed->span);
  g_free (removed);

  return position;
}

/**
 * sm_span_index_find_position:
 * @position: (out) (optional): where @span is in document order
 *
 * Returns: whether @span is in the index
 */
gboolean
sm_span_index_find_position (SmSpanIndex *self,
                             SmSpan      *span,
                             guint       *position)
{
  guint before = 0;

  g_return_val_if_fail (SM_IS_SPAN_INDEX (self), FALSE);
  g_return_val_if_fail (SM_IS_SPAN (span), FALSE);

  for (Node *node = self->root; node != NULL;)
    {
      gint cmp = sm_span_compare (span, node->span);

      if (cmp == 0)
        {
          if (node->span != span)
            return FALSE;
          if (position)
            *position = before + node_size (node->left);
          return TRUE;
        }

      if (cmp < 0)
        node = node->left;
      else
        {
          before += node_size (node->left) + 1;
          node = node->right;
        }
    }

  return FALSE;
}

/**
 * sm_span_index_find_fragments:
 * @bounds: 2 × @n_fragments offsets: each fragment's start and end, in order
 *
 * Returns: (transfer none) (nullable): the span of @label with exactly
 *   these fragments, if there is one
 */
SmSpan *
sm_span_index_find_fragments (SmSpanIndex *self,
                              const char  *label,
                              const guint *bounds,
                              guint        n_fragments)
{
  g_return_val_if_fail (SM_IS_SPAN_INDEX (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (bounds != NULL && n_fragments > 0, NULL);

  for (Node *node = self->root; node != NULL;)
    {
      gint cmp = _sm_span_compare_to (node->span, label, bounds, n_fragments);

      if (cmp == 0)
        return node->span;

      node = cmp > 0 ? node->left : node->right;
    }

  return NULL;
}

/**
 * sm_span_index_find_exact:
 *
 * Returns: (transfer none) (nullable): the continuous span with exactly
 *   this range and label, if there is one
 */
SmSpan *
sm_span_index_find_exact (SmSpanIndex *self,
                          guint        start,
                          guint        end,
                          const char  *label)
{
  guint bounds[2] = { start, end };

  return sm_span_index_find_fragments (self, label, bounds, 1);
}

/**
 * sm_span_index_get_nth:
 *
 * Returns: (transfer none) (nullable): the span at @position in document order
 */
SmSpan *
sm_span_index_get_nth (SmSpanIndex *self,
                       guint        position)
{
  guint wanted = position;
  guint depth = 0;
  Node *node;

  g_return_val_if_fail (SM_IS_SPAN_INDEX (self), NULL);

  if (self->cursor_depth > 0)
    {
      if (position == self->cursor_position)
        return self->cursor_path[self->cursor_depth - 1]->span;
      if (position == self->cursor_position + 1 && cursor_next (self))
        return self->cursor_path[self->cursor_depth - 1]->span;
    }

  node = self->root;
  while (node != NULL)
    {
      guint left_size = node_size (node->left);

      if (depth < CURSOR_MAX_DEPTH)
        self->cursor_path[depth] = node;
      depth++;

      if (position < left_size)
        node = node->left;
      else if (position == left_size)
        {
          self->cursor_depth = depth <= CURSOR_MAX_DEPTH ? depth : 0;
          self->cursor_position = wanted;
          return node->span;
        }
      else
        {
          position -= left_size + 1;
          node = node->right;
        }
    }

  self->cursor_depth = 0;
  return NULL;
}

guint
sm_span_index_get_n_spans (SmSpanIndex *self)
{
  g_return_val_if_fail (SM_IS_SPAN_INDEX (self), 0);

  return node_size (self->root);
}

static gboolean
foreach_node (Node       *node,
              SmSpanFunc  func,
              gpointer    user_data)
{
  if (node == NULL)
    return TRUE;

  return foreach_node (node->left, func, user_data) &&
         func (node->span, user_data) &&
         foreach_node (node->right, func, user_data);
}

/**
 * sm_span_index_foreach:
 * @func: called for each span in document order; return %FALSE to stop
 *
 * The index must not change during the walk.
 */
void
sm_span_index_foreach (SmSpanIndex *self,
                       SmSpanFunc   func,
                       gpointer     user_data)
{
  g_return_if_fail (SM_IS_SPAN_INDEX (self));
  g_return_if_fail (func != NULL);

  foreach_node (self->root, func, user_data);
}

static gboolean
foreach_in_range (Node       *node,
                  guint       start,
                  guint       end,
                  SmSpanFunc  func,
                  gpointer    user_data)
{
  guint node_start;

  /* Nothing below here reaches into the range */
  if (node == NULL || node->max_end <= start)
    return TRUE;

  if (!foreach_in_range (node->left, start, end, func, user_data))
    return FALSE;

  node_start = sm_span_get_start (node->span);

  /* This span and everything to its right starts at or after the range */
  if (node_start >= end)
    return TRUE;

  if (sm_span_overlaps (node->span, start, end) && !func (node->span, user_data))
    return FALSE;

  return foreach_in_range (node->right, start, end, func, user_data);
}

/**
 * sm_span_index_foreach_in_range:
 * @start: first code point of the range
 * @end: code point after the range; if equal to @start, the range is the
 *   single position @start (spans covering it)
 * @func: called in document order for each span a fragment of which
 *   overlaps the range; return %FALSE to stop
 *
 * The index must not change during the walk.
 */
void
sm_span_index_foreach_in_range (SmSpanIndex *self,
                                guint        start,
                                guint        end,
                                SmSpanFunc   func,
                                gpointer     user_data)
{
  g_return_if_fail (SM_IS_SPAN_INDEX (self));
  g_return_if_fail (start <= end);
  g_return_if_fail (func != NULL);

  if (start == end)
    {
      if (end == G_MAXUINT)
        return;
      end = start + 1;
    }

  foreach_in_range (self->root, start, end, func, user_data);
}

/**
 * sm_span_index_clear:
 *
 * Removes every span.
 */
void
sm_span_index_clear (SmSpanIndex *self)
{
  guint n_spans;

  g_return_if_fail (SM_IS_SPAN_INDEX (self));

  n_spans = sm_span_index_get_n_spans (self);
  g_clear_pointer (&self->root, node_free_all);
  self->cursor_depth = 0;

  if (n_spans > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_spans, 0);
}

/**
 * sm_span_index_begin_batch:
 *
 * Until the matching sm_span_index_end_batch(), insertions, removals and
 * sm_span_index_row_changed() are told as one #GListModel::items-changed
 * at the end: a list of 100,000 rows then updates once for a change of
 * thousands of spans, not once a span. Calls nest.
 */
void
sm_span_index_begin_batch (SmSpanIndex *self)
{
  g_return_if_fail (SM_IS_SPAN_INDEX (self));

  if (self->batch_depth++ > 0)
    return;

  self->batch_n_before = sm_span_index_get_n_spans (self);
  self->batch_head = self->batch_n_before;
  self->batch_tail = self->batch_n_before;
}

void
sm_span_index_end_batch (SmSpanIndex *self)
{
  guint n_after;

  g_return_if_fail (SM_IS_SPAN_INDEX (self));
  g_return_if_fail (self->batch_depth > 0);

  if (--self->batch_depth > 0)
    return;

  /* Between the untouched head and tail: what was there, and what is now */
  n_after = sm_span_index_get_n_spans (self);
  if (self->batch_head + self->batch_tail < MIN (self->batch_n_before, n_after) ||
      self->batch_n_before != n_after)
    g_list_model_items_changed (G_LIST_MODEL (self), self->batch_head,
                                self->batch_n_before - self->batch_head - self->batch_tail,
                                n_after - self->batch_head - self->batch_tail);
}

/**
 * sm_span_index_row_changed:
 * @position: a span's position
 *
 * Tells that what a row shows of the span at @position changed, not its
 * place: as a replacement in place, or, in a batch, at its end.
 */
void
sm_span_index_row_changed (SmSpanIndex *self,
                           guint        position)
{
  g_return_if_fail (SM_IS_SPAN_INDEX (self));

  if (self->batch_depth > 0)
    batch_note (self, position, 1);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}
