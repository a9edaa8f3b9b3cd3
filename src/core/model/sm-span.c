/* sm-span.c: a labelled range of an article's text.
 *
 * Offsets are Unicode code points, half-open [start, end). The span keeps a
 * copy of its text: the article never changes, so the copy never goes stale,
 * and lists can show it without reaching back into the document.
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
  char       *id;
  char       *label;
  char       *text;
  char       *note;
  guint       start;
  guint       end;
};

G_DEFINE_FINAL_TYPE (SmSpan, sm_span, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_START,
  PROP_END,
  PROP_TEXT,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sm_span_finalize (GObject *object)
{
  SmSpan *self = (SmSpan *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->note, g_free);

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
      g_value_set_string (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_span_init (SmSpan *self)
{
}

SmSpan *
_sm_span_new (const char *id,
              const char *label,
              guint       start,
              guint       end,
              const char *text)
{
  SmSpan *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (start < end, NULL);

  self = g_object_new (SM_TYPE_SPAN, NULL);
  self->id = g_strdup (id);
  self->label = g_strdup (label);
  self->start = start;
  self->end = end;
  self->text = g_strdup (text);

  return self;
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

  return self->id;
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

guint
sm_span_get_start (SmSpan *self)
{
  g_return_val_if_fail (SM_IS_SPAN (self), 0);

  return self->start;
}

guint
sm_span_get_end (SmSpan *self)
{
  g_return_val_if_fail (SM_IS_SPAN (self), 0);

  return self->end;
}

/**
 * sm_span_get_text:
 *
 * Returns: the article text the span covers
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

  return self->note;
}

/**
 * sm_span_compare:
 *
 * Document order: by start, then end, then label id, then span id. This is
 * a total order (ids are unique) and the order spans are saved in.
 */
gint
sm_span_compare (SmSpan *a,
                 SmSpan *b)
{
  gint cmp;

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  if ((cmp = strcmp (a->label, b->label)) != 0)
    return cmp;
  return strcmp (a->id, b->id);
}

void
_sm_span_set_label (SmSpan     *self,
                    const char *label)
{
  g_return_if_fail (SM_IS_SPAN (self));
  g_return_if_fail (label != NULL);

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LABEL]);
}

void
_sm_span_set_range (SmSpan     *self,
                    guint       start,
                    guint       end,
                    const char *text)
{
  g_return_if_fail (SM_IS_SPAN (self));
  g_return_if_fail (start < end);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_START]);
    }

  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_END]);
    }

  if (g_strcmp0 (self->text, text) != 0)
    {
      g_free (self->text);
      self->text = g_strdup (text);
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

  if (g_strcmp0 (self->note, note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTE]);
}
