/**
 * The programme guide in XMLTV (https://github.com/XMLTV/xmltv/blob/master/xmltv.dtd): immutable values
 * ({@link headwater.domain.epg.EpgChannel}, {@link headwater.domain.epg.Programme}), a streaming reader that hands them
 * to a {@link headwater.domain.epg.XmltvListener} one at a time with DTDs and external entities off, and a writer whose
 * output the reader reads back to equal values.
 */
package headwater.domain.epg;
