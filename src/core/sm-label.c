/* sm-label.c: a label a span can carry (Speaker, Claim, Figure, or a custom one).
 *
 * A label's id is what files and datasets store (brat types and IOB tags
 * are built from it), so it is restricted to characters those formats
 * accept; its name is what people read, and may be anything.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-label"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sm-document.h"
#include "sm-json.h"
#include "sm-label.h"

struct _SmLabel
{
  GObject  parent_instance;
  char    *id;
  char    *name;
  char    *color;
  char    *key;
};

G_DEFINE_FINAL_TYPE (SmLabel, sm_label, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sm_label_finalize (GObject *object)
{
  SmLabel *self = (SmLabel *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (sm_label_parent_class)->finalize (object);
}

static void
sm_label_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SmLabel *self = SM_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_label_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SmLabel *self = SM_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      sm_label_set_name (self, g_value_get_string (value));
      break;

    case PROP_COLOR:
      sm_label_set_color (self, g_value_get_string (value));
      break;

    case PROP_KEY:
      sm_label_set_key (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_label_class_init (SmLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_label_finalize;
  object_class->get_property = sm_label_get_property;
  object_class->set_property = sm_label_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         "#808080",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_label_init (SmLabel *self)
{
  self->color = g_strdup ("#808080");
  self->key = g_strdup ("");
}

/**
 * sm_label_new:
 * @id: the id stored in files, e.g. "SPEAKER" (see sm_label_id_is_valid())
 * @name: (nullable): the name shown to people; the id if %NULL
 * @color: (nullable): "#RRGGBB"
 * @key: (nullable): one character that applies the label, or "" for none
 */
SmLabel *
sm_label_new (const char *id,
              const char *name,
              const char *color,
              const char *key)
{
  g_return_val_if_fail (sm_label_id_is_valid (id, NULL), NULL);

  return g_object_new (SM_TYPE_LABEL,
                       "id", id,
                       "name", name ? name : id,
                       "color", color ? color : "#808080",
                       "key", key ? key : "",
                       NULL);
}

const char *
sm_label_get_id (SmLabel *self)
{
  g_return_val_if_fail (SM_IS_LABEL (self), NULL);

  return self->id;
}

const char *
sm_label_get_name (SmLabel *self)
{
  g_return_val_if_fail (SM_IS_LABEL (self), NULL);

  return self->name;
}

void
sm_label_set_name (SmLabel    *self,
                   const char *name)
{
  g_return_if_fail (SM_IS_LABEL (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
sm_label_get_color (SmLabel *self)
{
  g_return_val_if_fail (SM_IS_LABEL (self), NULL);

  return self->color;
}

void
sm_label_set_color (SmLabel    *self,
                    const char *color)
{
  g_return_if_fail (SM_IS_LABEL (self));
  g_return_if_fail (sm_label_color_is_valid (color, NULL));

  if (g_strcmp0 (self->color, color) == 0)
    return;

  g_free (self->color);
  self->color = g_strdup (color);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COLOR]);
}

const char *
sm_label_get_key (SmLabel *self)
{
  g_return_val_if_fail (SM_IS_LABEL (self), NULL);

  return self->key;
}

void
sm_label_set_key (SmLabel    *self,
                  const char *key)
{
  g_return_if_fail (SM_IS_LABEL (self));
  g_return_if_fail (key == NULL || sm_label_key_is_valid (key, NULL));

  if (key == NULL)
    key = "";

  if (g_strcmp0 (self->key, key) == 0)
    return;

  g_free (self->key);
  self->key = g_strdup (key);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KEY]);
}

/**
 * sm_label_id_is_valid:
 *
 * A label id must be non-empty and made of ASCII letters, digits, '_', '-'
 * and '.', starting with a letter: brat's annotation.conf, IOB tags
 * ("B-SPEAKER") and CSV all accept those unquoted.
 */
gboolean
sm_label_id_is_valid (const char  *id,
                      GError     **error)
{
  if (id == NULL || id[0] == '\0')
    {
      g_set_error_literal (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                           _("a label id must not be empty"));
      return FALSE;
    }

  if (!g_ascii_isalpha (id[0]))
    {
      /* Escaped: a control character must not reach a terminal or break the line */
      g_autofree char *escaped = sm_json_escape_controls (id);

      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                   _("label id “%s” must start with a letter (A–Z or a–z)"), escaped);
      return FALSE;
    }

  for (const char *p = id; *p; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
        {
          g_autofree char *escaped = sm_json_escape_controls (id);

          g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                       _("label id “%s” may only contain ASCII letters, digits, “_”, “-” and “.”"),
                       escaped);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
sm_label_color_is_valid (const char  *color,
                         GError     **error)
{
  gboolean valid = color != NULL && color[0] == '#' && strlen (color) == 7;

  for (guint i = 1; valid && i < 7; i++)
    valid = g_ascii_isxdigit (color[i]);

  if (!valid)
    {
      g_autofree char *escaped = color ? sm_json_escape_controls (color) : NULL;

      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                   _("colour “%s” is not of the form #RRGGBB"), escaped ? escaped : "");
    }

  return valid;
}

/**
 * sm_label_key_is_valid:
 *
 * A key is "" (none) or one printable, non-space character.
 */
gboolean
sm_label_key_is_valid (const char  *key,
                       GError     **error)
{
  gunichar c;

  if (key == NULL || key[0] == '\0')
    return TRUE;

  c = g_utf8_get_char_validated (key, -1);
  if (c == (gunichar) -1 || c == (gunichar) -2 || !g_unichar_isgraph (c) ||
      *g_utf8_next_char (key) != '\0')
    {
      g_autofree char *escaped = sm_json_escape_controls (key);

      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                   _("key “%s” must be a single visible character"), escaped);
      return FALSE;
    }

  return TRUE;
}

/**
 * sm_label_new_default_set:
 *
 * Returns: (transfer full) (element-type SmLabel): Speaker, Claim and Figure
 */
GPtrArray *
sm_label_new_default_set (void)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_object_unref);

  /* Colours from the GNOME palette; none is the blue of a text selection */
  g_ptr_array_add (labels, sm_label_new (SM_LABEL_SPEAKER, _("Speaker"), "#9141ac", "1"));
  g_ptr_array_add (labels, sm_label_new (SM_LABEL_CLAIM, _("Claim"), "#e5a50a", "2"));
  g_ptr_array_add (labels, sm_label_new (SM_LABEL_FIGURE, _("Figure"), "#2ec27e", "3"));

  return labels;
}
