import { MetadataRoute } from "next"









