/* sm-span.c: a labelled range of an article's text, in one or more fragments.
 *
 * Offsets are Unicode code points, half-open [start, end). The span keeps a
 * copy of its text: the article never changes, so the copy never goes stale,
 * and lists can show it without reaching back into the document.
 *
 * An article may have a hundred thousand spans, so the record is kept
 * small: the id and the text share one allocation, and the label is an
 * interned string (a document has a handful of labels, and 100,000 copies
 * of "PERSON" cost 3 MB). See "Memory (issue 15)" in bench/README.md.
 *
 * Most spans are one stretch of text; a quotation interrupted by its
 * attribution is one span of several fragments. The fragments are sorted,
 * non-empty and apart by at least one code point, so a set of fragments has
 * one way to be written; start and end are the hull, from the first
 * fragment's start to the last one's end, which is all that code knowing
 * nothing of fragments needs.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-span"

#include "config.h"

#include <string.h>

#include "sm-span-private.h"

struct _SmSpan
{
  GObject     parent_instance;
  /* the id, its NUL, then the text as first made and its NUL; the id
   * never moves (the document's table of spans by id points at it) */
  char       *strings;
  const char *label;        /* interned */
  /* in strings, or a block of its own once the fragments changed it */
  char       *text;
  /* 2 × n_fragments offsets; points at single for one fragment */
  guint      *bounds;
  guint       n_fragments;
  guint       text_is_own : 1;
  guint       made_with_text : 1;
  guint       single[2];
};

/* Few spans have a note: it is kept as object data, not in every record */
static GQuark note_quark;

/* The label ids interned last in this thread, newest first */
#define N_INTERNED 8

static GPrivate interned_key = G_PRIVATE_INIT (g_free);

/**
 * _sm_span_intern_label:
 * @label: a label id, or a relation type
 *
 * Returns: g_intern_string() of @label, found first among the last few
 *   this thread interned: g_intern_string() takes a lock all threads
 *   share, and a corpus read on two cores asked it for each span.
 */
const char *
_sm_span_intern_label (const char *label)
{
  const char **interned = g_private_get (&interned_key);
  const char *found;

  g_return_val_if_fail (label != NULL, NULL);

  if (interned == NULL)
    {
      interned = g_new0 (const char *, N_INTERNED);
      g_private_set (&interned_key, interned);
    }

  for (guint i = 0; i < N_INTERNED && interned[i] != NULL; i++)
    {
      if (strcmp (interned[i], label) == 0)
        return interned[i];
    }

  found = g_intern_string (label);
  memmove (interned + 1, interned, (N_INTERNED - 1) * sizeof *interned);
  interned[0] = found;

  return found;
}

G_DEFINE_FINAL_TYPE (SmSpan, sm_span, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_START,
  PROP_END,
  PROP_TEXT,
  PROP_NOTE,
  PROP_N_FRAGMENTS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sm_span_finalize (GObject *object)
{
  SmSpan *self = (SmSpan *)object;

  if (self->text_is_own)
    g_free (self->text);
  g_clear_pointer (&self->strings, g_free);
  if (self->bounds != self->single)
    g_free (self->bounds);

  G_OBJECT_CLASS (sm_span_parent_class)->finalize (object);
}

static void
sm_span_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SmSpan *self = SM_SPAN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->strings);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_START:
      g_value_set_uint (value, sm_span_get_start (self));
      break;

    case PROP_END:
      g_value_set_uint (value, sm_span_get_end (self));
      break;

    case PROP_N_FRAGMENTS:
      g_value_set_uint (value, self->n_fragments);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_NOTE:
      g_value_set_string (value, sm_span_get_note (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_span_class_init (SmSpanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_span_finalize;

  note_quark = g_quark_from_static_string ("sm-span-note");
  object_class->get_property = sm_span_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_FRAGMENTS] =
    g_param_spec_uint ("n-fragments", NULL, NULL, 1, G_MAXUINT, 1,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_span_init (SmSpan *self)
{
  self->bounds = self->single;
  self->n_fragments = 1;
}

/**
 * _sm_span_bounds_are_valid:
 *
 * Returns: whether @bounds are fragments a span may have: at least one,
 *   each non-empty, in order and apart by at least one code point
 */
gboolean
_sm_span_bounds_are_valid (const guint *bounds,
                           guint        n_fragments)
{
  if (bounds == NULL || n_fragments == 0)
    return FALSE;

  for (guint i = 0; i < n_fragments; i++)
    {
      if (bounds[2 * i] >= bounds[2 * i + 1])
        return FALSE;
      if (i > 0 && bounds[2 * i - 1] >= bounds[2 * i])
        return FALSE;
    }

  return TRUE;
}

/* Keeps @id and @text in one allocation */
static void
store_strings (SmSpan     *self,
               const char *id,
               const char *text)
{
  gsize id_size = strlen (id) + 1;
  gsize text_size = text != NULL ? strlen (text) + 1 : 0;

  self->strings = g_malloc (id_size + text_size);
  memcpy (self->strings, id, id_size);
  if (text != NULL)
    {
      self->text = self->strings + id_size;
      memcpy (self->text, text, text_size);
      self->made_with_text = TRUE;
    }
}

static void
store_bounds (SmSpan      *self,
              const guint *bounds,
              guint        n_fragments)
{
  if (self->bounds != self->single)
    g_free (self->bounds);

  self->bounds = n_fragments == 1 ? self->single : g_new (guint, 2 * n_fragments);
  memcpy (self->bounds, bounds, 2 * n_fragments * sizeof (guint));
  self->n_fragments = n_fragments;
}

SmSpan *
_sm_span_new_with_fragments (const char  *id,
                             const char  *label,
                             const guint *bounds,
                             guint        n_fragments,
                             const char  *text)
{
  SmSpan *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (_sm_span_bounds_are_valid (bounds, n_fragments), NULL);

  self = g_object_new (SM_TYPE_SPAN, NULL);
  store_strings (self, id, text);
  self->label = _sm_span_intern_label (label);
  store_bounds (self, bounds, n_fragments);

  return self;
}

SmSpan *
_sm_span_new (const char *id,
              const char *label,
              guint       start,
              guint       end,
              const char *text)
{
  guint bounds[2] = { start, end };

  return _sm_span_new_with_fragments (id, label, bounds, 1, text);
}

/**
 * sm_span_get_id:
 *
 * Returns: the span's id, unique in its document and never reused (e.g. "T7")
 */
const char *
sm_span_get_id (SmSpan *self)
{
  g_return_val_if_fail (SM_IS_SPAN (self), NULL);

  return self->strings;
}

/* The text the span was made with, or %NULL if none. It stays where it is
 * for as long as the span lives, even once a change of fragments gives the
 * span another text: what a snapshot may point at while it holds the span,
 * rather than copy it. */
const char *
_sm_span_get_made_text (SmSpan *self)
{
  g_return_val_if_fail (SM_IS_SPAN (self), NULL);

  return self->made_with_text ? self->strings + strlen (self->strings) + 1 : NULL;
}

/* Whether the span's text is still the one it was made with */
gboolean
_sm_span_has_made_text (SmSpan *self)
{
  g_return_val_if_fail (SM_IS_SPAN (self), FALSE);

  return !self->text_is_own;
}

/**
 * sm_span_get_label:
 *
 * Returns: the id of the span's label (e.g. "CLAIM")
 */
const char *
sm_span_get_label (SmSpan *self)
{
  g_return_val_if_fail (SM_IS_SPAN (self), NULL);

  return self->label;
}

/**
 * sm_span_get_start:
 *
 * Returns: where the span starts: its first fragment's start
 */
guint
sm_span_get_start (SmSpan *self)
{
  g_return_val_if_fail (SM_IS_SPAN (self), 0);

  return self->bounds[0];
}

/**
 * sm_span_get_end:
 *
 * Returns: the code point after the span: its last fragment's end. Between
 *   start and end, a discontinuous span leaves gaps (see
 *   sm_span_get_fragment()).
 */
guint
sm_span_get_end (SmSpan *self)
{
  g_return_val_if_fail (SM_IS_SPAN (self), 0);

  return self->bounds[2 * self->n_fragments - 1];
}

/**
 * sm_span_get_n_fragments:
 *
 * Returns: how many stretches of text the span covers: 1 for a continuous
 *   span, more for a discontinuous one
 */
guint
sm_span_get_n_fragments (SmSpan *self)
{
  g_return_val_if_fail (SM_IS_SPAN (self), 0);

  return self->n_fragments;
}

/**
 * sm_span_get_fragment:
 * @index: a fragment, less than sm_span_get_n_fragments()
 * @start: (out) (optional): its first code point
 * @end: (out) (optional): the code point after it
 *
 * Fragments come in text order, none empty, each ending at least one code
 * point before the next starts.
 */
void
sm_span_get_fragment (SmSpan *self,
                      guint   index,
                      guint  *start,
                      guint  *end)
{
  g_return_if_fail (SM_IS_SPAN (self));
  g_return_if_fail (index < self->n_fragments);

  if (start != NULL)
    *start = self->bounds[2 * index];
  if (end != NULL)
    *end = self->bounds[2 * index + 1];
}

/**
 * sm_span_find_fragment:
 * @offset: a code point offset
 * @index: (out) (optional): the fragment covering @offset
 *
 * Returns: whether the span covers @offset; %FALSE in a gap between
 *   fragments
 */
gboolean
sm_span_find_fragment (SmSpan *self,
                       guint   offset,
                       guint  *index)
{
  guint low = 0, high;

  g_return_val_if_fail (SM_IS_SPAN (self), FALSE);

  /* The last fragment starting at or before @offset */
  high = self->n_fragments;
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (self->bounds[2 * middle] <= offset)
        low = middle;
      else
        high = middle;
    }

  if (offset < self->bounds[2 * low] || offset >= self->bounds[2 * low + 1])
    return FALSE;

  if (index != NULL)
    *index = low;
  return TRUE;
}

/**
 * sm_span_overlaps:
 * @start: first code point of a range
 * @end: code point after the range, more than @start
 *
 * Returns: whether a fragment of the span shares a code point with
 *   [@start, @end): a range inside a gap does not overlap the span
 */
gboolean
sm_span_overlaps (SmSpan *self,
                  guint   start,
                  guint   end)
{
  g_return_val_if_fail (SM_IS_SPAN (self), FALSE);

  for (guint i = 0; i < self->n_fragments; i++)
    if (self->bounds[2 * i] < end && start < self->bounds[2 * i + 1])
      return TRUE;

  return FALSE;
}

/**
 * sm_span_contains:
 * @start: first code point of a range
 * @end: code point after the range
 *
 * Returns: whether [@start, @end) lies within one fragment of the span
 */
gboolean
sm_span_contains (SmSpan *self,
                  guint   start,
                  guint   end)
{
  guint index;

  g_return_val_if_fail (SM_IS_SPAN (self), FALSE);

  return sm_span_find_fragment (self, start, &index) && end <= self->bounds[2 * index + 1];
}

/**
 * _sm_span_get_bounds:
 * @n_fragments: (out): how many fragments
 *
 * Returns: (transfer none): 2 × @n_fragments offsets, each fragment's
 *   start and end; valid until the span's fragments change
 */
const guint *
_sm_span_get_bounds (SmSpan *self,
                     guint  *n_fragments)
{
  g_return_val_if_fail (SM_IS_SPAN (self), NULL);

  *n_fragments = self->n_fragments;
  return self->bounds;
}

/**
 * sm_span_get_text:
 *
 * Returns: the article text the span covers: for a discontinuous span,
 *   its fragments' texts joined by %SM_SPAN_FRAGMENT_JOINER
 */
const char *
sm_span_get_text (SmSpan *self)
{
  g_return_val_if_fail (SM_IS_SPAN (self), NULL);

  return self->text;
}

/**
 * sm_span_get_note:
 *
 * Returns: (nullable): the annotator's note, or %NULL
 */
const char *
sm_span_get_note (SmSpan *self)
{
  g_return_val_if_fail (SM_IS_SPAN (self), NULL);

  return g_object_get_qdata (G_OBJECT (self), note_quark);
}

/**
 * _sm_span_compare_to:
 *
 * sm_span_compare() without the id: how @self is ordered against a span
 * of @label over these fragments, 0 if that span would be a duplicate.
 */
gint
_sm_span_compare_to (SmSpan      *self,
                     const char  *label,
                     const guint *bounds,
                     guint        n_fragments)
{
  guint n = MIN (self->n_fragments, n_fragments);
  gint cmp;

  /* The hull first, so that the index finds spans by range */
  if (self->bounds[0] != bounds[0])
    return self->bounds[0] < bounds[0] ? -1 : 1;
  if (sm_span_get_end (self) != bounds[2 * n_fragments - 1])
    return sm_span_get_end (self) < bounds[2 * n_fragments - 1] ? -1 : 1;
  if ((cmp = strcmp (self->label, label)) != 0)
    return cmp;

  /* Over the same hull a continuous span comes first */
  if (self->n_fragments != n_fragments && (self->n_fragments == 1 || n_fragments == 1))
    return self->n_fragments == 1 ? -1 : 1;
  for (guint i = 1; i < 2 * n; i++)
    if (self->bounds[i] != bounds[i])
      return self->bounds[i] < bounds[i] ? -1 : 1;
  if (self->n_fragments != n_fragments)
    return self->n_fragments < n_fragments ? -1 : 1;

  return 0;
}

/**
 * sm_span_compare:
 *
 * Document order: by start, then end (the hull), then label id, then the
 * fragments (a continuous span first), then span id. This is a total order
 * (ids are unique) and the order spans are saved in.
 */
gint
sm_span_compare (SmSpan *a,
                 SmSpan *b)
{
  gint cmp;

  if ((cmp = _sm_span_compare_to (a, b->label, b->bounds, b->n_fragments)) != 0)
    return cmp;
  return strcmp (a->strings, b->strings);
}

void
_sm_span_set_label (SmSpan     *self,
                    const char *label)
{
  g_return_if_fail (SM_IS_SPAN (self));
  g_return_if_fail (label != NULL);

  if (g_strcmp0 (self->label, label) == 0)
    return;

  self->label = _sm_span_intern_label (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LABEL]);
}

void
_sm_span_set_fragments (SmSpan      *self,
                        const guint *bounds,
                        guint        n_fragments,
                        const char  *text)
{
  guint old_start, old_end, old_n_fragments;

  g_return_if_fail (SM_IS_SPAN (self));
  g_return_if_fail (_sm_span_bounds_are_valid (bounds, n_fragments));

  g_object_freeze_notify (G_OBJECT (self));

  old_start = sm_span_get_start (self);
  old_end = sm_span_get_end (self);
  old_n_fragments = self->n_fragments;
  store_bounds (self, bounds, n_fragments);

  if (old_start != sm_span_get_start (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_START]);
  if (old_end != sm_span_get_end (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_END]);
  if (old_n_fragments != n_fragments)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_FRAGMENTS]);

  if (g_strcmp0 (self->text, text) != 0)
    {
      if (self->text_is_own)
        g_free (self->text);
      self->text = g_strdup (text);
      self->text_is_own = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

void
_sm_span_set_note (SmSpan     *self,
                   const char *note)
{
  g_return_if_fail (SM_IS_SPAN (self));

  if (note != NULL && note[0] == '\0')
    note = NULL;

  if (g_strcmp0 (sm_span_get_note (self), note) == 0)
    return;

  g_object_set_qdata_full (G_OBJECT (self), note_quark, g_strdup (note), g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTE]);
}
