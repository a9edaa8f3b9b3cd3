/* sm-relation.c: a typed link between two spans, such as a claim said by a speaker.
 *
 * A relation holds its spans, not their ids, so it follows them whatever
 * happens to their labels or ranges; files store the ids.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-relation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-document.h"
#include "sm-relation.h"
#include "sm-span-private.h"

struct _SmRelation
{
  GObject     parent_instance;
  char       *id;
  const char *type;  /* interned: a document has a few types */
  SmSpan     *from;
  SmSpan     *to;
};

G_DEFINE_FINAL_TYPE (SmRelation, sm_relation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TYPE,
  PROP_FROM,
  PROP_TO,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sm_relation_finalize (GObject *object)
{
  SmRelation *self = (SmRelation *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_object (&self->from);
  g_clear_object (&self->to);

  G_OBJECT_CLASS (sm_relation_parent_class)->finalize (object);
}

static void
sm_relation_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SmRelation *self = SM_RELATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TYPE:
      g_value_set_string (value, self->type);
      break;

    case PROP_FROM:
      g_value_set_object (value, self->from);
      break;

    case PROP_TO:
      g_value_set_object (value, self->to);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_relation_class_init (SmRelationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_relation_finalize;
  object_class->get_property = sm_relation_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TYPE] =
    g_param_spec_string ("type", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_FROM] =
    g_param_spec_object ("from", NULL, NULL, SM_TYPE_SPAN,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TO] =
    g_param_spec_object ("to", NULL, NULL, SM_TYPE_SPAN,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_relation_init (SmRelation *self)
{
}

SmRelation *
_sm_relation_new (const char *id,
                  const char *type,
                  SmSpan     *from,
                  SmSpan     *to)
{
  SmRelation *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (SM_IS_SPAN (from), NULL);
  g_return_val_if_fail (SM_IS_SPAN (to), NULL);

  self = g_object_new (SM_TYPE_RELATION, NULL);
  self->id = g_strdup (id);
  self->type = _sm_span_intern_label (type);
  self->from = g_object_ref (from);
  self->to = g_object_ref (to);

  return self;
}

const char *
sm_relation_get_id (SmRelation *self)
{
  g_return_val_if_fail (SM_IS_RELATION (self), NULL);

  return self->id;
}

/**
 * sm_relation_get_type_name:
 *
 * Returns: the relation's type, e.g. %SM_RELATION_SAID_BY
 */
const char *
sm_relation_get_type_name (SmRelation *self)
{
  g_return_val_if_fail (SM_IS_RELATION (self), NULL);

  return self->type;
}

/**
 * sm_relation_get_from:
 *
 * Returns: (transfer none): the span the relation starts at (for said_by, the claim)
 */
SmSpan *
sm_relation_get_from (SmRelation *self)
{
  g_return_val_if_fail (SM_IS_RELATION (self), NULL);

  return self->from;
}

/**
 * sm_relation_get_to:
 *
 * Returns: (transfer none): the span the relation points to (for said_by, the speaker)
 */
SmSpan *
sm_relation_get_to (SmRelation *self)
{
  g_return_val_if_fail (SM_IS_RELATION (self), NULL);

  return self->to;
}

/**
 * sm_relation_type_is_valid:
 *
 * Relation types follow the rules of label ids (sm_label_id_is_valid()):
 * brat's annotation.conf and the JSONL exports need them bare.
 */
gboolean
sm_relation_type_is_valid (const char  *type,
                           GError     **error)
{
  g_autofree char *escaped = NULL;

  if (sm_label_id_is_valid (type, NULL))
    return TRUE;

  escaped = sm_text_escape_controls (type ? type : "");
  g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
               _("relation type “%s” is not valid: it must start with a letter and contain only ASCII letters, digits, “_”, “-” and “.”"),
               escaped);
  return FALSE;
}
