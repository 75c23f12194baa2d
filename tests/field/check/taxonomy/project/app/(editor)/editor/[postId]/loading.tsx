import { Skeleton } from "@/components/ui/skeleton"

















