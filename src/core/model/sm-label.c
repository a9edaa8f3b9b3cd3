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
  SmLabel *self;

  g_return_val_if_fail (sm_label_id_is_valid (id, NULL), NULL);
  g_return_val_if_fail (color == NULL || sm_label_color_is_valid (color, NULL), NULL);
  g_return_val_if_fail (key == NULL || sm_label_key_is_valid (key, NULL), NULL);

  /* The fields set directly: setting four properties by name was most of
   * the cost of a label, for each label of each file of a corpus */
  self = g_object_new (SM_TYPE_LABEL, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name ? name : id);
  if (color != NULL)
    {
      g_free (self->color);
      self->color = g_strdup (color);
    }
  if (key != NULL)
    {
      g_free (self->key);
      self->key = g_strdup (key);
    }

  return self;
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
      g_autofree char *escaped = sm_text_escape_controls (id);

      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                   _("label id “%s” must start with a letter (A–Z or a–z)"), escaped);
      return FALSE;
    }

  for (const char *p = id; *p; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
        {
          g_autofree char *escaped = sm_text_escape_controls (id);

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
      g_autofree char *escaped = color ? sm_text_escape_controls (color) : NULL;

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
      g_autofree char *escaped = sm_text_escape_controls (key);

      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                   _("key “%s” must be a single visible character"), escaped);
      return FALSE;
    }

  return TRUE;
}

/* Rules for a project's or a document's labels */

/**
 * sm_label_find_by_key:
 * @labels: a #GListModel of #SmLabel: a project's or a document's
 *
 * Returns: (transfer none) (nullable): the label in @labels that @key applies
 */
SmLabel *
sm_label_find_by_key (GListModel *labels,
                      const char *key)
{
  guint n = g_list_model_get_n_items (labels);

  if (key == NULL || key[0] == '\0')
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      if (g_strcmp0 (sm_label_get_key (label), key) == 0)
        return label;
    }

  return NULL;
}

/**
 * sm_label_check_name:
 *
 * A label's name is what people read in the window: it may be anything
 * but empty.
 */
gboolean
sm_label_check_name (const char  *name,
                     GError     **error)
{
  if (name == NULL || name[0] == '\0')
    {
      g_set_error_literal (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                           _("a label’s name must not be empty"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sm_label_find_free_key:
 * @labels: a #GListModel of #SmLabel: a project's or a document's
 *
 * Proposes a key for a new label: the first of %SM_LABEL_KEYS
 * that no label in @labels uses, so digits first and then letters.
 *
 * Returns: (nullable): the key, or %NULL if every one is taken
 */
const char *
sm_label_find_free_key (GListModel *labels)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (labels), NULL);

  for (const char *p = SM_LABEL_KEYS; *p; p++)
    {
      char key[2] = { *p, '\0' };

      if (sm_label_find_by_key (labels, key) == NULL)
        return g_intern_string (key);
    }

  return NULL;
}

/**
 * sm_label_check_key:
 * @labels: a #GListModel of #SmLabel: a project's or a document's
 * @id: the label that would get @key
 * @key: (nullable): the key, or ""/%NULL for none
 *
 * Checks the key rules (see %SM_LABEL_KEYS): one of the keys kept
 * for labels, and used by no other label in @labels. The message says
 * what to do instead, proposing a free key.
 */
gboolean
sm_label_check_key (GListModel  *labels,
                    const char  *id,
                    const char  *key,
                    GError     **error)
{
  SmLabel *other;

  g_return_val_if_fail (G_IS_LIST_MODEL (labels), FALSE);

  if (key == NULL || key[0] == '\0')
    return TRUE;

  if (!sm_label_key_is_valid (key, error))
    return FALSE;

  if (key[1] == '\0' && g_ascii_isupper (key[0]))
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                   _("key “%s” needs Shift; use the lowercase “%c” instead"),
                   key, g_ascii_tolower (key[0]));
      return FALSE;
    }

  if (key[1] != '\0' || strchr (SM_LABEL_KEYS, key[0]) == NULL)
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                   _("key “%s” cannot apply a label: use a digit from 1 to 9 or a letter from a to z"
                     " (the window keeps the other keys for its own shortcuts)"),
                   key);
      return FALSE;
    }

  other = sm_label_find_by_key (labels, key);
  if (other != NULL && g_strcmp0 (sm_label_get_id (other), id) != 0)
    {
      const char *free_key = sm_label_find_free_key (labels);

      if (free_key != NULL)
        g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE,
                     _("key “%s” already applies label %s; choose another, such as “%s”"),
                     key, sm_label_get_id (other), free_key);
      else
        g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE,
                     _("key “%s” already applies label %s, and every other key is taken"),
                     key, sm_label_get_id (other));
      return FALSE;
    }

  return TRUE;
}

/**
 * sm_label_propose_id:
 * @name: a label's name, such as "Source quote"
 * @taken: (nullable) (element-type utf8 gpointer): the ids not to give, as
 *   the keys of a table
 *
 * Makes an id for a label from its name: "SOURCE_QUOTE", or
 * "SOURCE_QUOTE_2" if that is taken. Ids are what files and exported
 * datasets store, so they keep to the characters sm_label_id_is_valid()
 * allows; a name with none of them gives "LABEL".
 *
 * Returns: (transfer full): an id that is not in @taken
 */
char *
sm_label_propose_id (const char *name,
                     GHashTable *taken)
{
  g_autoptr(GString) id = g_string_new (NULL);
  g_autofree char *ascii = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  /* "Référence" becomes "REFERENCE" rather than losing its letters */
  ascii = g_str_to_ascii (name, "C");
  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p) && (id->len > 0 || g_ascii_isalpha (*p)))
        g_string_append_c (id, g_ascii_toupper (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '_')
        g_string_append_c (id, '_');
    }

  while (id->len > 0 && id->str[id->len - 1] == '_')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_assign (id, "LABEL");

  if (taken != NULL && g_hash_table_contains (taken, id->str))
    {
      gsize base = id->len;

      for (guint i = 2; ; i++)
        {
          g_string_truncate (id, base);
          g_string_append_printf (id, "_%u", i);
          if (!g_hash_table_contains (taken, id->str))
            break;
        }
    }

  return g_string_free (g_steal_pointer (&id), FALSE);
}

/**
 * sm_label_id_is_builtin:
 *
 * Speaker, Claim and Figure are Spanmark's own labels: the window links
 * claims to speakers by these ids, and exports and statistics count
 * claims by them, so a rename never changes them.
 *
 * Returns: whether @id is one of them
 */
gboolean
sm_label_id_is_builtin (const char *id)
{
  return g_strcmp0 (id, SM_LABEL_SPEAKER) == 0 ||
         g_strcmp0 (id, SM_LABEL_CLAIM) == 0 ||
         g_strcmp0 (id, SM_LABEL_FIGURE) == 0;
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
